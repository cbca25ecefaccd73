package io.egress.detect;

import io.egress.data.DefenderSchemas;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds Defender table rows from column → value pairs (strings default to "", others to null). */
public final class Rows {
    private final Map<String, List<Object[]>> tables = new LinkedHashMap<>();

    public Rows process(String time, String device, String account, String file, String commandLine, String parent) {
        return add("DeviceProcessEvents", Map.of("Timestamp", Instant.parse(time), "DeviceName", device, "AccountName", account,
                "FileName", file, "ProcessCommandLine", commandLine, "InitiatingProcessFileName", parent,
                "ActionType", "ProcessCreated"));
    }

    public Rows network(String time, String device, String account, String process, String remoteIp, int port, String ipType) {
        return add("DeviceNetworkEvents", Map.of("Timestamp", Instant.parse(time), "DeviceName", device,
                "InitiatingProcessAccountName", account, "InitiatingProcessFileName", process,
                "InitiatingProcessCommandLine", process + " --send", "RemoteIP", remoteIp, "RemotePort", port,
                "RemoteIPType", ipType, "ActionType", "ConnectionSuccess"));
    }

    public Rows add(String table, Map<String, Object> values) {
        Schema schema = DefenderSchemas.schema(table).orElseThrow();
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = schema.column(i).type() == ScalarType.STRING ? "" : null;
        }
        values.forEach((column, value) -> {
            int index = schema.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + table);
            }
            row[index] = value;
        });
        tables.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        return this;
    }

    public Map<String, Table> tables() {
        Map<String, Table> out = new LinkedHashMap<>();
        for (String table : DefenderSchemas.TABLES) {
            out.put(table, Table.of(DefenderSchemas.schema(table).orElseThrow(), tables.getOrDefault(table, List.of())));
        }
        return out;
    }
}
