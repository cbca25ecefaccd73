package io.egress.bench.benign;

import io.egress.data.Column;
import io.egress.data.DefenderSchemas;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns activity into Defender Advanced Hunting rows of DeviceProcessEvents, DeviceNetworkEvents,
 * DeviceFileEvents and DeviceEvents (DnsQueryResponse, PowerShellCommand), every column of the Defender
 * schema present ({@code ""} for unset strings, null for other unset values), and hands each row to a sink.
 */
public final class Emitter {
    public static final String PROCESS = "DeviceProcessEvents";
    public static final String NETWORK = "DeviceNetworkEvents";
    public static final String FILE = "DeviceFileEvents";
    public static final String EVENTS = "DeviceEvents";
    public static final List<String> TABLES = List.of(PROCESS, NETWORK, FILE, EVENTS);

    /** Receives each row with its table. */
    @FunctionalInterface
    public interface Sink {
        void accept(String table, Object[] row);
    }

    private final Map<String, Schema> schemas = new HashMap<>();
    private final Map<String, String[]> hashes = new HashMap<>();
    private final Sink sink;
    private final SplittableRandom r;
    private long reportId = 4_000;

    public Emitter(Sink sink, SplittableRandom r) {
        this.sink = sink;
        this.r = r;
        for (String table : TABLES) {
            schemas.put(table, DefenderSchemas.defenderOnly(table));
        }
    }

    public static Schema schema(String table) {
        return DefenderSchemas.defenderOnly(table);
    }

    /** A process started by {@code parent}. */
    public Proc spawn(Host host, Instant t, Proc parent, String path, String commandLine) {
        return spawn(host, t, parent, path, commandLine, parent.user());
    }

    public Proc spawn(Host host, Instant t, Proc parent, String path, String commandLine, User user) {
        return new Proc(path, commandLine, pid(host), t, user, parent.fileName(), parent.pid(), parent.created(),
                parent.integrity());
    }

    /** A long-running process (a service, a shell, a browser) that started some time before {@code t}. */
    public Proc running(Host host, Instant t, String path, String commandLine, User user, String parentName) {
        Instant created = t.minusSeconds(60 + r.nextInt(8 * 3600));
        String integrity = !host.windows() ? "" : user.sid().equals("S-1-5-18") ? "System" : "Medium";
        return new Proc(path, commandLine, pid(host), created, user, parentName, pid(host), created.minusSeconds(5 + r.nextInt(600)),
                integrity);
    }

    private long pid(Host host) {
        return host.windows() ? 4L * (100 + r.nextInt(9000)) : 900 + r.nextInt(400_000);
    }

    /** A ProcessCreated row with the parent's full details as the initiating process. */
    public void process(Host host, Instant t, Proc child, Proc parent) {
        Row row = new Row(PROCESS, host, t, "ProcessCreated");
        String[] h = hashes(child.path());
        User u = child.user();
        row.set("FileName", child.fileName()).set("FolderPath", child.path()).set("SHA1", h[0]).set("SHA256", h[1]).set("MD5", h[2])
                .set("ProcessId", child.pid()).set("ProcessCommandLine", child.commandLine()).set("ProcessCreationTime", t)
                .set("ProcessIntegrityLevel", child.integrity())
                .set("ProcessTokenElevation", host.windows() ? "TokenElevationTypeDefault" : "")
                .set("AccountDomain", u.domain()).set("AccountName", u.name()).set("AccountSid", u.sid()).set("AccountUpn", u.upn())
                .set("ProcessUniqueId", Long.toString(r.nextLong(1L << 40)))
                .set("IsProcessRemoteSession", false);
        row.initiating(parent);
        row.emit();
    }

    /** A DeviceNetworkEvents row: {@code proc} connected to (or accepted from) {@code remoteIp:port}. */
    public void network(Host host, Instant t, Proc proc, String action, String remoteIp, int remotePort, String remoteUrl,
                        String protocol) {
        boolean inbound = action.equals("InboundConnectionAccepted") || action.equals("ListeningConnectionCreated");
        String localIp = remoteIp.startsWith("127.") ? "127.0.0.1" : remoteIp.equals("::1") ? "::1" : host.ip();
        int ephemeral = host.windows() ? 49152 + r.nextInt(16000) : 32768 + r.nextInt(28000);
        int localPort = inbound ? remotePort : ephemeral;
        int remote = inbound ? ephemeral : remotePort;
        if (action.equals("ListeningConnectionCreated")) {
            remote = 0;
        }
        Row row = new Row(NETWORK, host, t, action);
        row.set("RemoteIP", remoteIp).set("RemotePort", remote).set("RemoteUrl", remoteUrl)
                .set("LocalIP", localIp).set("LocalPort", localPort).set("Protocol", protocol)
                .set("LocalIPType", io.egress.telemetry.normalize.IpClassifier.classify(localIp))
                .set("RemoteIPType", io.egress.telemetry.normalize.IpClassifier.classify(remoteIp));
        row.initiating(proc);
        row.emit();
    }

    /** A DeviceEvents DnsQueryResponse row: {@code proc} resolved {@code query} to {@code answers}. */
    public void dns(Host host, Instant t, Proc proc, String query, List<String> answers) {
        StringBuilder json = new StringBuilder("{\"DnsQueryString\":\"").append(query).append("\",\"DnsQueryResult\":[");
        for (int i = 0; i < answers.size(); i++) {
            String a = answers.get(i);
            json.append(i == 0 ? "" : ",");
            if (Character.isDigit(a.charAt(0)) || a.indexOf(':') >= 0) {
                json.append("{\"RecordType\":\"").append(a.indexOf(':') >= 0 ? "AAAA" : "A").append("\",\"IP\":\"").append(a).append("\"}");
            } else {
                json.append("{\"RecordType\":\"CNAME\",\"Name\":\"").append(a).append("\"}");
            }
        }
        json.append("],\"DnsQueryStatus\":").append(answers.isEmpty() ? "9003" : "0").append('}');
        Row row = new Row(EVENTS, host, t, "DnsQueryResponse");
        row.set("RemoteIP", Infra.DNS_SERVER).set("RemotePort", 53).set("AdditionalFields", json.toString());
        row.initiating(proc);
        row.emit();
    }

    /** A DeviceEvents PowerShellCommand row: one per cmdlet, as Defender writes them ({@code {"Command":"Name"}}). */
    public void powershell(Host host, Instant t, Proc ps, String cmdlet) {
        Row row = new Row(EVENTS, host, t, "PowerShellCommand");
        row.set("AdditionalFields", "{\"Command\":\"" + cmdlet + "\"}");
        row.initiating(ps);
        row.emit();
    }

    /** A DeviceFileEvents row. */
    public void file(Host host, Instant t, Proc proc, String action, String path, long size, String originUrl) {
        Proc asFile = new Proc(path, "", 0, t, proc.user(), "", 0, t, "");
        String[] h = hashes(path + "#" + size);
        Row row = new Row(FILE, host, t, action);
        row.set("FileName", asFile.fileName()).set("FolderPath", path).set("SHA1", h[0]).set("SHA256", h[1]).set("MD5", h[2])
                .set("FileSize", size).set("FileOriginUrl", originUrl);
        row.initiating(proc);
        row.emit();
    }

    private String[] hashes(String path) {
        return hashes.computeIfAbsent(path, p -> new String[] {digest("SHA-1", p), digest("SHA-256", p), digest("MD5", p)});
    }

    private static String digest(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row being filled. */
    private final class Row {
        private final String table;
        private final Schema schema;
        private final Object[] values;

        Row(String table, Host host, Instant t, String action) {
            this.table = table;
            this.schema = schemas.get(table);
            this.values = new Object[schema.size()];
            set("Timestamp", t).set("DeviceId", host.id()).set("DeviceName", host.name()).set("ActionType", action)
                    .set("ReportId", reportId++);
        }

        Row set(String column, Object value) {
            int index = schema.indexOf(column);
            if (index >= 0) {
                values[index] = value instanceof Integer i && schema.column(index).type() == ScalarType.LONG ? (Object) i.longValue() : value;
            }
            return this;
        }

        Row initiating(Proc p) {
            String[] h = hashes(p.path());
            User u = p.user();
            return set("InitiatingProcessFileName", p.fileName()).set("InitiatingProcessFolderPath", p.path())
                    .set("InitiatingProcessSHA1", h[0]).set("InitiatingProcessSHA256", h[1]).set("InitiatingProcessMD5", h[2])
                    .set("InitiatingProcessId", p.pid()).set("InitiatingProcessCommandLine", p.commandLine())
                    .set("InitiatingProcessCreationTime", p.created()).set("InitiatingProcessIntegrityLevel", p.integrity())
                    .set("InitiatingProcessAccountDomain", u.domain()).set("InitiatingProcessAccountName", u.name())
                    .set("InitiatingProcessAccountSid", u.sid()).set("InitiatingProcessAccountUpn", u.upn())
                    .set("InitiatingProcessParentFileName", p.parentName()).set("InitiatingProcessParentId", p.parentPid())
                    .set("InitiatingProcessParentCreationTime", p.parentCreated())
                    .set("InitiatingProcessUniqueId", Long.toString(p.pid() * 7919L + p.created().getEpochSecond()))
                    .set("IsInitiatingProcessRemoteSession", false);
        }

        void emit() {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null && schema.column(i).type() == ScalarType.STRING) {
                    values[i] = "";
                }
                Column c = schema.column(i);
                if (values[i] instanceof Long l && c.type() == ScalarType.INT) {
                    values[i] = l.intValue();
                }
            }
            sink.accept(table, values);
        }
    }
}
