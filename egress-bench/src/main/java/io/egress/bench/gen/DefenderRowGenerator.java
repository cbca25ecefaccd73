package io.egress.bench.gen;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates DeviceProcessEvents and DeviceNetworkEvents rows (every Defender column, values as
 * {@link io.egress.data.ScalarType} documents) from a {@link GeneratorConfig}. The same config gives
 * the same rows, in the same order, on every run.
 */
public final class DefenderRowGenerator {
    public static final String PROCESS_TABLE = "DeviceProcessEvents";
    public static final String NETWORK_TABLE = "DeviceNetworkEvents";

    /** Receives each generated row with the reason it was generated. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(Object[] row, RowKind kind);
    }

    private final GeneratorConfig config;
    private final Fleet fleet;
    private final Schema processSchema = DefenderSchemas.defenderOnly(PROCESS_TABLE);
    private final Schema networkSchema = DefenderSchemas.defenderOnly(NETWORK_TABLE);
    private final Map<RowKind, WeightedList<ProcessSpec>> processSpecs = new EnumMap<>(RowKind.class);
    private final Map<RowKind, WeightedList<NetworkSpec>> networkSpecs = new EnumMap<>(RowKind.class);

    public DefenderRowGenerator(GeneratorConfig config) {
        this.config = config;
        this.fleet = Fleet.build(config, new SplittableRandom(config.seed()));
        for (RowKind kind : RowKind.values()) {
            List<ProcessSpec> ps = new ArrayList<>();
            for (ProcessSpec spec : ProcessSpecs.all()) {
                if (spec.kind() == kind && fleet.has(spec.os())) {
                    ps.add(spec);
                }
            }
            processSpecs.put(kind, new WeightedList<>(ps, ProcessSpec::weight));
            List<NetworkSpec> ns = new ArrayList<>();
            for (NetworkSpec spec : NetworkSpecs.all()) {
                if (spec.kind() == kind && fleet.has(spec.os())) {
                    ns.add(spec);
                }
            }
            networkSpecs.put(kind, new WeightedList<>(ns, NetworkSpec::weight));
        }
    }

    public GeneratorConfig config() {
        return config;
    }

    public Fleet fleet() {
        return fleet;
    }

    public Schema processSchema() {
        return processSchema;
    }

    public Schema networkSchema() {
        return networkSchema;
    }

    /** Generates {@code config.rows()} DeviceProcessEvents rows. */
    public void processEvents(RowConsumer sink) {
        SplittableRandom r = new SplittableRandom(config.seed() * 31 + 1);
        RowBuilder row = new RowBuilder(processSchema);
        long reportId = 10_000 + r.nextInt(90_000);
        for (long i = 0; i < config.rows(); i++) {
            RowKind kind = kind(r);
            ProcessSpec spec = processSpecs.get(kind).pick(r);
            ProcessInstance parent = fleet.parent(spec.parent(), spec.os(), r);
            Image image = Images.get(spec.image());
            Instant t = timestamp(r);
            Device device = parent.device();
            Account a = parent.account();
            row.set("Timestamp", t).device(device).set("ActionType", "ProcessCreated")
                    .set("FileName", image.fileName()).set("FolderPath", image.path())
                    .set("SHA1", image.sha1()).set("SHA256", image.sha256()).set("MD5", image.md5()).set("FileSize", image.size())
                    .set("ProcessVersionInfoCompanyName", image.company()).set("ProcessVersionInfoProductName", image.product())
                    .set("ProcessVersionInfoProductVersion", image.version())
                    .set("ProcessVersionInfoInternalFileName", image.originalFileName())
                    .set("ProcessVersionInfoOriginalFileName", image.originalFileName())
                    .set("ProcessVersionInfoFileDescription", image.description())
                    .set("ProcessId", pid(device.os(), r)).set("ProcessCommandLine", spec.commandLine().make(r, parent))
                    .set("ProcessIntegrityLevel", parent.integrityLevel()).set("ProcessTokenElevation", parent.tokenElevation())
                    .set("ProcessCreationTime", t)
                    .set("AccountDomain", a.domain()).set("AccountName", a.name()).set("AccountSid", a.sid())
                    .set("AccountUpn", a.upn()).set("AccountObjectId", a.objectId()).set("LogonId", parent.logonId())
                    .initiating(parent, parent.image(), parent.image().fileName(), parent.pid(), parent.commandLine(),
                            parent.creationTime())
                    .set("InitiatingProcessParentId", parent.parentPid())
                    .set("InitiatingProcessParentFileName", parent.parentFileName())
                    .set("InitiatingProcessParentCreationTime", parent.parentCreationTime())
                    .set("ReportId", reportId++)
                    .set("CreatedProcessSessionId", parent.sessionId()).set("IsProcessRemoteSession", false)
                    .set("ProcessUniqueId", Long.toString(r.nextLong(1L << 40)))
                    .set("InitiatingProcessUniqueId", parent.uniqueId());
            sink.accept(row.build(), kind);
        }
    }

    /** Generates {@code config.rows()} DeviceNetworkEvents rows. */
    public void networkEvents(RowConsumer sink) {
        SplittableRandom r = new SplittableRandom(config.seed() * 31 + 2);
        RowBuilder row = new RowBuilder(networkSchema);
        long reportId = 10_000 + r.nextInt(90_000);
        for (long i = 0; i < config.rows(); i++) {
            RowKind kind = kind(r);
            NetworkSpec spec = networkSpecs.get(kind).pick(r);
            ProcessInstance parent = fleet.parent(spec.parent(), spec.os(), r);
            Image image = Images.get(spec.image());
            Instant t = timestamp(r);
            Device device = parent.device();
            Endpoint end = Endpoint.of(spec, device, r);
            String action = spec.remote() == NetworkSpec.Remote.INBOUND_PRIVATE ? "InboundConnectionAccepted"
                    : r.nextInt(100) < 92 ? "ConnectionSuccess" : r.nextInt(3) == 0 ? "ConnectionRequest" : "ConnectionFailed";
            row.set("Timestamp", t).device(device).set("ActionType", action)
                    .set("RemoteIP", end.remoteIp()).set("RemotePort", end.remotePort()).set("RemoteUrl", end.remoteUrl())
                    .set("LocalIP", end.localIp()).set("LocalPort", end.localPort()).set("Protocol", spec.protocol())
                    .set("LocalIPType", IpAddresses.classify(end.localIp()))
                    .set("RemoteIPType", IpAddresses.classify(end.remoteIp()))
                    .initiating(parent, image, spec.reportedName(), pid(device.os(), r), spec.commandLine().make(r, parent),
                            t.minusSeconds(1 + r.nextInt(7200)))
                    .set("InitiatingProcessParentFileName", parent.image().fileName())
                    .set("InitiatingProcessParentId", parent.pid())
                    .set("InitiatingProcessParentCreationTime", parent.creationTime())
                    .set("ReportId", reportId++)
                    .set("InitiatingProcessUniqueId", Long.toString(r.nextLong(1L << 40)));
            sink.accept(row.build(), kind);
        }
    }

    private RowKind kind(SplittableRandom r) {
        double x = r.nextDouble();
        if (x < config.exfilShare()) {
            return RowKind.EXFIL;
        }
        return x < config.exfilShare() + config.nearMissShare() ? RowKind.NEAR_MISS : RowKind.BENIGN;
    }

    /** A time in (now - span, now], at microsecond precision (what every consumer, DuckDB included, keeps exactly). */
    private Instant timestamp(SplittableRandom r) {
        long micros = 1 + r.nextLong(config.span().toNanos() / 1000);
        return config.now().minusNanos(micros * 1000);
    }

    private static long pid(Os os, SplittableRandom r) {
        return os == Os.WINDOWS ? 4L * (50 + r.nextInt(16_000)) : 1000 + r.nextInt(4_000_000);
    }
}
