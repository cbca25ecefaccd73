package io.egress.kql.engine.functions.general;

import static io.egress.data.ScalarType.LONG;
import static io.egress.data.ScalarType.STRING;

import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * hash (XXH64, which Kusto's docs name as its algorithm, over the UTF-8 bytes of tostring(value), seed
 * 0; equal to Kusto for strings per the docs example, possibly not for other types), hash_sha256,
 * hash_sha1, hash_md5 (lower-case hex of the UTF-8 bytes).
 */
public final class HashFunctions {
    private HashFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        Fn hash = Fn.simple("hash", LONG, 1, 2, a -> {
            if (a[0] == null) {
                return null;
            }
            long h = hashValue(a[0]);
            if (a.length > 1) {
                Long mod = Values.toLong(a[1]);
                if (mod == null) {
                    return null;
                }
                return mod <= 0 ? null : Long.remainderUnsigned(h, (long) mod);
            }
            return h;
        }, "hash(scalar [, long mod]) -> long");
        b.add(hash).alias("hash_xxhash64", hash);
        b.add(digest("hash_sha256", "SHA-256"));
        b.add(digest("hash_sha1", "SHA-1"));
        b.add(digest("hash_md5", "MD5"));
    }

    /** Docs examples: hash_xxhash64("World") == 1846988464401551951; datetimes hash their 8 tick bytes (little-endian, from 0001-01-01). */
    static long hashValue(Object v) {
        if (v instanceof java.time.Instant i) {
            return XxHash64.hash(littleEndian(Values.ticksSinceEpoch(i) + Values.EPOCH_TICKS), 0);
        }
        return XxHash64.hash(Values.str(v).getBytes(StandardCharsets.UTF_8), 0);
    }

    private static byte[] littleEndian(long v) {
        byte[] b = new byte[8];
        for (int k = 0; k < 8; k++) {
            b[k] = (byte) (v >>> (8 * k));
        }
        return b;
    }

    private static Fn digest(String name, String algorithm) {
        return Fn.simple(name, STRING, 1, 1, a -> {
            try {
                byte[] d = MessageDigest.getInstance(algorithm).digest(Values.str(a[0]).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }, name + "(scalar) -> string");
    }
}
