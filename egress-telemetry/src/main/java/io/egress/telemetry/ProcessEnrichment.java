package io.egress.telemetry;

import io.egress.data.Schema;
import io.egress.telemetry.normalize.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills the empty initiating-process columns of a row (account, command line, image, parent) from the
 * process-creation row of the same device and process id, wherever that row came from. A reader's own
 * process memory only knows processes earlier in the same input, so a PowerShell 4104 block exported on
 * its own (wevtutil, one file per channel) or a Sysmon 3 file read apart from its Sysmon 1 file would
 * name no account; Defender fills these columns on every row, and detections join on them. Only empty
 * cells are filled, and only from the latest creation of that pid at or before the row's time whose image
 * agrees with the row's, so pid reuse does not mix processes.
 */
final class ProcessEnrichment {
    /** Target column ← column of the initiating process's own creation row. */
    private static final String[][] FROM_CREATION = {
            {"InitiatingProcessFileName", "FileName"},
            {"InitiatingProcessFolderPath", "FolderPath"},
            {"InitiatingProcessCommandLine", "ProcessCommandLine"},
            {"InitiatingProcessAccountName", "AccountName"},
            {"InitiatingProcessAccountDomain", "AccountDomain"},
            {"InitiatingProcessAccountSid", "AccountSid"},
            {"InitiatingProcessIntegrityLevel", "ProcessIntegrityLevel"},
            {"InitiatingProcessCreationTime", "ProcessCreationTime"},
            {"InitiatingProcessSHA256", "SHA256"},
            {"InitiatingProcessParentFileName", "InitiatingProcessFileName"},
            {"InitiatingProcessParentId", "InitiatingProcessId"}};
    private static final String PROCESS_TABLE = "DeviceProcessEvents";

    private record Creation(Instant time, Object[] row) {
    }

    private ProcessEnrichment() {
    }

    /** Fills rows of every table with an {@code InitiatingProcessId} column; returns how many rows gained a value. */
    static long fill(Map<String, List<Object[]>> rows, Map<String, Schema> schemas) {
        Schema processes = schemas.get(PROCESS_TABLE);
        List<Object[]> creations = rows.get(PROCESS_TABLE);
        if (processes == null || creations == null || creations.isEmpty()) {
            return 0;
        }
        Map<String, Map<Long, List<Creation>>> index = index(creations, processes);
        long filled = 0;
        for (Map.Entry<String, List<Object[]>> table : rows.entrySet()) {
            Schema schema = schemas.get(table.getKey());
            if (schema == null || schema.indexOf("InitiatingProcessId") < 0 || schema.indexOf("DeviceName") < 0) {
                continue;
            }
            Target target = new Target(schema, processes);
            for (Object[] row : table.getValue()) {
                if (target.fill(row, index)) {
                    filled++;
                }
            }
        }
        return filled;
    }

    private static Map<String, Map<Long, List<Creation>>> index(List<Object[]> creations, Schema schema) {
        int device = schema.indexOf("DeviceName");
        int pid = schema.indexOf("ProcessId");
        int time = schema.indexOf("Timestamp");
        Map<String, Map<Long, List<Creation>>> index = new HashMap<>();
        for (Object[] row : creations) {
            Long id = Values.toLong(row[pid]);
            if (id == null || Values.missing(row[device])) {
                continue;
            }
            index.computeIfAbsent(key(row[device]), d -> new HashMap<>()).computeIfAbsent(id, p -> new ArrayList<>())
                    .add(new Creation(row[time] instanceof Instant t ? t : null, row));
        }
        Comparator<Creation> byTime = Comparator.comparing(Creation::time, Comparator.nullsFirst(Comparator.naturalOrder()));
        index.values().forEach(pids -> pids.values().forEach(list -> list.sort(byTime)));
        return index;
    }

    private static String key(Object device) {
        return Values.text(device).toLowerCase(Locale.ROOT);
    }

    /** Column positions of one table, resolved once. */
    private static final class Target {
        private final int device;
        private final int pid;
        private final int time;
        private final int image;
        private final int creationImage;
        private final int[] to;
        private final int[] from;

        Target(Schema schema, Schema processes) {
            device = schema.indexOf("DeviceName");
            pid = schema.indexOf("InitiatingProcessId");
            time = schema.indexOf("Timestamp");
            image = schema.indexOf("InitiatingProcessFileName");
            creationImage = processes.indexOf("FileName");
            List<int[]> pairs = new ArrayList<>();
            for (String[] pair : FROM_CREATION) {
                int t = schema.indexOf(pair[0]);
                int f = processes.indexOf(pair[1]);
                if (t >= 0 && f >= 0) {
                    pairs.add(new int[] {t, f});
                }
            }
            to = pairs.stream().mapToInt(p -> p[0]).toArray();
            from = pairs.stream().mapToInt(p -> p[1]).toArray();
        }

        boolean fill(Object[] row, Map<String, Map<Long, List<Creation>>> index) {
            if (!anyEmpty(row)) {
                return false;
            }
            Long id = Values.toLong(row[pid]);
            if (id == null || Values.missing(row[device])) {
                return false;
            }
            Map<Long, List<Creation>> pids = index.get(key(row[device]));
            List<Creation> candidates = pids == null ? null : pids.get(id);
            if (candidates == null) {
                return false;
            }
            Object[] creation = latestAtOrBefore(candidates, time < 0 || !(row[time] instanceof Instant t) ? null : t);
            if (creation == null || creation == row || !sameImage(row, creation)) {
                return false;
            }
            boolean changed = false;
            for (int i = 0; i < to.length; i++) {
                if (Values.missing(row[to[i]]) && !Values.missing(creation[from[i]])) {
                    row[to[i]] = creation[from[i]];
                    changed = true;
                }
            }
            return changed;
        }

        private boolean anyEmpty(Object[] row) {
            for (int column : to) {
                if (Values.missing(row[column])) {
                    return true;
                }
            }
            return false;
        }

        private boolean sameImage(Object[] row, Object[] creation) {
            if (image < 0 || Values.missing(row[image]) || creationImage < 0 || Values.missing(creation[creationImage])) {
                return true;
            }
            return Values.text(row[image]).equalsIgnoreCase(Values.text(creation[creationImage]));
        }

        private static Object[] latestAtOrBefore(List<Creation> candidates, Instant at) {
            Object[] best = null;
            for (Creation c : candidates) {
                if (at != null && c.time() != null && c.time().isAfter(at)) {
                    break;
                }
                best = c.row();
            }
            return best;
        }
    }
}
