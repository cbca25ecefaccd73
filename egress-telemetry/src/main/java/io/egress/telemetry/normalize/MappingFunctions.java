package io.egress.telemetry.normalize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The functions mapping expressions may call: one table, name → implementation. */
public final class MappingFunctions {
    /** A function over unevaluated arguments (so {@code if} and {@code coalesce} evaluate lazily). */
    @FunctionalInterface
    public interface Function {
        Object apply(List<Expr> args, EvalContext context);
    }

    private record Entry(int minArgs, int maxArgs, Function function, String doc) {
    }

    private static final Map<String, Entry> TABLE = new TreeMap<>();

    static {
        define("coalesce", 1, 16, "first argument that is not empty, '-' or '(null)'", (args, c) -> {
            for (Expr arg : args) {
                Object value = arg.eval(c);
                if (!Values.missing(value)) {
                    return value;
                }
            }
            return null;
        });
        define("basename", 1, 1, "last segment of a path, split at \\ and /", (args, c) -> {
            String path = Values.text(args.get(0).eval(c));
            int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
            return path.substring(cut + 1);
        });
        define("domain", 1, 1, "DOMAIN of DOMAIN\\user, else empty", (args, c) -> {
            String account = Values.text(args.get(0).eval(c));
            int cut = account.indexOf('\\');
            return cut < 0 ? "" : account.substring(0, cut);
        });
        define("user", 1, 1, "user of DOMAIN\\user, else the whole text", (args, c) -> {
            String account = Values.text(args.get(0).eval(c));
            return account.substring(account.indexOf('\\') + 1);
        });
        define("hash", 2, 2, "one algorithm's value from Sysmon's Hashes (SHA1=..,MD5=..,SHA256=..)", (args, c) -> {
            String hashes = Values.text(args.get(0).eval(c));
            String algorithm = Values.text(args.get(1).eval(c)).toUpperCase(Locale.ROOT) + "=";
            for (String part : hashes.split(",")) {
                String p = part.strip();
                if (p.toUpperCase(Locale.ROOT).startsWith(algorithm)) {
                    return p.substring(algorithm.length()).toLowerCase(Locale.ROOT);
                }
            }
            return null;
        });
        define("lower", 1, 1, "lower case", (args, c) -> Values.text(args.get(0).eval(c)).toLowerCase(Locale.ROOT));
        define("upper", 1, 1, "upper case", (args, c) -> Values.text(args.get(0).eval(c)).toUpperCase(Locale.ROOT));
        define("concat", 1, 16, "the arguments' text joined", (args, c) -> {
            StringBuilder out = new StringBuilder();
            args.forEach(a -> out.append(Values.text(a.eval(c))));
            return out.toString();
        });
        define("eq", 2, 2, "case-insensitive equality of the arguments' text", (args, c) ->
                Values.text(args.get(0).eval(c)).strip().equalsIgnoreCase(Values.text(args.get(1).eval(c)).strip()) ? "true" : "");
        define("if", 3, 3, "if(condition, then, else); a condition holds when its text is not empty", (args, c) ->
                !Values.missing(args.get(0).eval(c)) ? args.get(1).eval(c) : args.get(2).eval(c));
        define("protocol", 1, 1, "tcp → Tcp, udp → Udp (Defender's spelling)", (args, c) -> {
            String p = Values.text(args.get(0).eval(c)).strip().toLowerCase(Locale.ROOT);
            return p.isEmpty() ? "" : Character.toUpperCase(p.charAt(0)) + p.substring(1);
        });
        define("iptype", 1, 1, "Defender IP type: Public, Private, Reserved, Loopback, Teredo, FourToSixMapping, Broadcast",
                (args, c) -> IpClassifier.classify(Values.text(args.get(0).eval(c))));
        define("elevation", 1, 1, "4688 TokenElevationType %%1936/7/8 → TokenElevationTypeDefault/Full/Limited", (args, c) ->
                switch (Values.text(args.get(0).eval(c)).strip()) {
                    case "%%1936", "1" -> "TokenElevationTypeDefault";
                    case "%%1937", "2" -> "TokenElevationTypeFull";
                    case "%%1938", "3" -> "TokenElevationTypeLimited";
                    default -> "";
                });
        define("integrity", 1, 1, "mandatory label SID (S-1-16-12288) → High, Medium, ...; names pass through", (args, c) -> {
            String label = Values.text(args.get(0).eval(c)).strip();
            return switch (label.toUpperCase(Locale.ROOT)) {
                case "S-1-16-0" -> "Untrusted";
                case "S-1-16-4096" -> "Low";
                case "S-1-16-8192" -> "Medium";
                case "S-1-16-8448" -> "MediumPlus";
                case "S-1-16-12288" -> "High";
                case "S-1-16-16384" -> "System";
                case "S-1-16-20480" -> "ProtectedProcess";
                default -> label;
            };
        });
        define("json", 2, 16, "a JSON object text from 'key', value pairs (absent values left out)", (args, c) -> {
            ObjectNode node = Values.JSON.createObjectNode();
            for (int i = 0; i + 1 < args.size(); i += 2) {
                Object value = args.get(i + 1).eval(c);
                if (!Values.missing(value)) {
                    node.set(Values.text(args.get(i).eval(c)), Values.tree(value));
                }
            }
            return node.toString();
        });
        define("dns", 3, 3, "Sysmon 22 query, results and status → {\"DnsQueryString\",\"DnsQueryResult\",\"DnsQueryStatus\"}",
                (args, c) -> dns(Values.text(args.get(0).eval(c)), Values.text(args.get(1).eval(c)), Values.text(args.get(2).eval(c))));
        define("remember", 2, 16, "remember(pid, 'fact', value, ...) stores facts about a process for later events; returns pid",
                (args, c) -> {
                    Object pid = args.get(0).eval(c);
                    Map<String, Object> facts = new java.util.HashMap<>();
                    for (int i = 1; i + 1 < args.size(); i += 2) {
                        Object value = args.get(i + 1).eval(c);
                        if (!Values.missing(value)) {
                            facts.put(Values.text(args.get(i).eval(c)), value);
                        }
                    }
                    c.processes().remember(c.event().host(), pid, facts);
                    return pid;
                });
        define("recall", 2, 2, "recall(pid, 'fact'): a fact remembered about an earlier process on the same host", (args, c) ->
                c.processes().recall(c.event().host(), args.get(0).eval(c), Values.text(args.get(1).eval(c))));
    }

    private MappingFunctions() {
    }

    private static void define(String name, int min, int max, String doc, Function function) {
        TABLE.put(name, new Entry(min, max, function, doc));
    }

    static Function get(String name, int arity) {
        Entry entry = TABLE.get(name);
        return entry == null || arity < entry.minArgs() || arity > entry.maxArgs() ? null : entry.function();
    }

    /** Names and one-line descriptions, for documentation and error messages. */
    public static Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        TABLE.forEach((name, entry) -> out.put(name, entry.doc()));
        return out;
    }

    static String names() {
        return String.join(", ", TABLE.keySet());
    }

    /**
     * Sysmon writes results as {@code type:  5 cname.example;::ffff:1.2.3.4;} — a CNAME (type 5) or other
     * typed name, and addresses (IPv4 as IPv4-mapped IPv6).
     */
    static String dns(String query, String results, String status) {
        ObjectNode node = Values.JSON.createObjectNode();
        node.put("DnsQueryString", query);
        ArrayNode list = node.putArray("DnsQueryResult");
        for (String raw : results.split(";")) {
            String item = raw.strip();
            if (item.isEmpty() || item.equals("-")) {
                continue;
            }
            ObjectNode entry = list.addObject();
            if (item.startsWith("type:")) {
                String rest = item.substring(5).strip();
                int space = rest.indexOf(' ');
                String type = space < 0 ? rest : rest.substring(0, space);
                entry.put("RecordType", switch (type) {
                    case "5" -> "CNAME";
                    case "12" -> "PTR";
                    case "15" -> "MX";
                    case "16" -> "TXT";
                    case "33" -> "SRV";
                    default -> type;
                });
                entry.put("Name", space < 0 ? "" : rest.substring(space + 1).strip());
            } else {
                String ip = item.startsWith("::ffff:") && item.indexOf('.') > 0 ? item.substring(7) : item;
                entry.put("RecordType", ip.indexOf(':') >= 0 ? "AAAA" : "A");
                entry.put("IP", ip);
            }
        }
        if (!status.isEmpty() && !status.equals("-")) {
            node.put("DnsQueryStatus", status);
        }
        return node.toString();
    }
}
