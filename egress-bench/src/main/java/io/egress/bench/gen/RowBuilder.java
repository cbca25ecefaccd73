package io.egress.bench.gen;

import io.egress.data.Column;
import io.egress.data.Schema;
import java.time.Instant;

/**
 * Fills one row of a schema by column name, then completes it: columns nobody set become
 * {@code ""} (strings, as Kusto has no null string) or null (every other type).
 */
final class RowBuilder {
    private final Schema schema;
    private Object[] values;

    RowBuilder(Schema schema) {
        this.schema = schema;
        this.values = new Object[schema.size()];
    }

    RowBuilder set(String column, Object value) {
        int index = schema.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + schema.names());
        }
        values[index] = value;
        return this;
    }

    /** Sets the column only when the schema has it (tables differ in their initiating-process columns). */
    RowBuilder setIfPresent(String column, Object value) {
        int index = schema.indexOf(column);
        if (index >= 0) {
            values[index] = value;
        }
        return this;
    }

    RowBuilder initiating(ProcessInstance parent, Image image, String reportedName, long pid, String commandLine,
                          Instant created) {
        Account a = parent.account();
        setIfPresent("InitiatingProcessAccountDomain", a.domain());
        setIfPresent("InitiatingProcessAccountName", a.name());
        setIfPresent("InitiatingProcessAccountSid", a.sid());
        setIfPresent("InitiatingProcessAccountUpn", a.upn());
        setIfPresent("InitiatingProcessAccountObjectId", a.objectId());
        setIfPresent("InitiatingProcessLogonId", parent.logonId());
        setIfPresent("InitiatingProcessIntegrityLevel", parent.integrityLevel());
        setIfPresent("InitiatingProcessTokenElevation", parent.tokenElevation());
        setIfPresent("InitiatingProcessSHA1", image.sha1());
        setIfPresent("InitiatingProcessSHA256", image.sha256());
        setIfPresent("InitiatingProcessMD5", image.md5());
        setIfPresent("InitiatingProcessFileName", reportedName);
        setIfPresent("InitiatingProcessFileSize", image.size());
        setIfPresent("InitiatingProcessVersionInfoCompanyName", image.company());
        setIfPresent("InitiatingProcessVersionInfoProductName", image.product());
        setIfPresent("InitiatingProcessVersionInfoProductVersion", image.version());
        setIfPresent("InitiatingProcessVersionInfoInternalFileName", image.originalFileName());
        setIfPresent("InitiatingProcessVersionInfoOriginalFileName", image.originalFileName());
        setIfPresent("InitiatingProcessVersionInfoFileDescription", image.description());
        setIfPresent("InitiatingProcessId", pid);
        setIfPresent("InitiatingProcessCommandLine", commandLine);
        setIfPresent("InitiatingProcessCreationTime", created);
        setIfPresent("InitiatingProcessFolderPath", image.path());
        setIfPresent("InitiatingProcessSignerType", image.signer());
        setIfPresent("InitiatingProcessSignatureStatus", image.signer().equals("Unknown") ? "Unsigned" : "Valid");
        setIfPresent("InitiatingProcessSessionId", parent.sessionId());
        setIfPresent("IsInitiatingProcessRemoteSession", false);
        return this;
    }

    RowBuilder device(Device device) {
        set("DeviceId", device.id());
        set("DeviceName", device.name());
        return this;
    }

    /** The completed row; the builder starts a fresh one. */
    Object[] build() {
        Object[] row = values;
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                Column column = schema.column(i);
                if (column.type() == io.egress.data.ScalarType.STRING) {
                    row[i] = "";
                }
            }
        }
        values = new Object[schema.size()];
        return row;
    }
}
