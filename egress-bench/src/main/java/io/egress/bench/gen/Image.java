package io.egress.bench.gen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An executable file as Defender describes it: name, folder, version information, size, signer and
 * hashes. The hashes are digests of the name and version, so one binary has the same hashes on every
 * device and in every run.
 */
public record Image(String fileName, String folder, Os os, String company, String product, String description,
                    String version, long size, String signer, String sha1, String sha256, String md5) {
    public Image {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(os, "os");
    }

    /** A Windows binary; hashes are derived from name and version. */
    public static Image windows(String fileName, String folder, String company, String product, String description,
                                String version, long size, String signer) {
        return of(fileName, folder, Os.WINDOWS, company, product, description, version, size, signer);
    }

    /** A Linux binary (Defender for Linux leaves version information empty). */
    public static Image linux(String fileName, String folder, long size) {
        return of(fileName, folder, Os.LINUX, "", "", "", "", size, "Unknown");
    }

    private static Image of(String fileName, String folder, Os os, String company, String product, String description,
                            String version, long size, String signer) {
        byte[] seed = (fileName + "|" + folder + "|" + version).getBytes(StandardCharsets.UTF_8);
        return new Image(fileName, folder, os, company, product, description, version, size, signer,
                digest("SHA-1", seed), digest("SHA-256", seed), digest("MD5", seed));
    }

    /** The full path: folder plus file name with the OS's separator. */
    public String path() {
        return folder + (os == Os.WINDOWS ? "\\" : "/") + fileName;
    }

    /** The original file name from version information ({@code ""} on Linux). */
    public String originalFileName() {
        return os == Os.WINDOWS ? fileName : "";
    }

    private static String digest(String algorithm, byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
