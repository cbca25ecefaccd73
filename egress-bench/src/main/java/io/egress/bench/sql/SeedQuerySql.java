package io.egress.bench.sql;

import static io.egress.bench.sql.KustoTerms.hasAny;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The seed detection T1048.003 (resource {@code t1048_003.kql}) written as DuckDB SQL with Kusto's
 * semantics: {@code has_any} through {@link KustoTerms}, {@code !in~} as a lower-cased NOT IN,
 * {@code matches regex} as RE2 {@code regexp_matches} (both Kusto and DuckDB use RE2), {@code ago(24h)}
 * against a fixed {@code now}, and {@code union} as {@code UNION ALL BY NAME} sorted by Timestamp desc.
 * Each command line and file name is lower-cased once per row.
 */
public final class SeedQuerySql {
    static final List<String> FTP_TOOLS = List.of("ftp.exe", "winscp.exe", "filezilla.exe", "winscp3.exe", "ncftp", "lftp");
    static final List<String> FTP_EXFIL = List.of("--upload-file", "-T ", "PUT ", "STOR ", "-u ftp", "ftp://", "ftps://", "sftp://");
    static final List<String> DNS_EXFIL = List.of("nslookup ", "Resolve-DnsName", "dig ", "dnscat", "iodine");
    static final List<String> SMTP_EXFIL = List.of("smtp", "sendmail", "blat", "swaks", "Send-MailMessage");
    static final List<String> HTTP_EXFIL = List.of("--data-binary", "--data @", "-d @", "multipart/form-data", "-F file", "--form");
    static final List<String> ALLOWED = List.of("svchost.exe", "services.exe", "lsass.exe", "MsMpEng.exe", "chrome.exe",
            "msedge.exe", "firefox.exe", "iexplore.exe");
    private static final String PROCESS_COLUMNS =
            "Timestamp, DeviceName, AccountName, FileName, ProcessCommandLine, InitiatingProcessFileName, InitiatingProcessCommandLine";
    private static final DateTimeFormatter SQL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SeedQuerySql() {
    }

    /**
     * The query over two relations ({@code processSource}, {@code networkSource}: table names or
     * table functions such as {@code read_json(...)}), with {@code ago(24h)} relative to {@code now}.
     */
    public static String sql(String processSource, String networkSource, Instant now) {
        Objects.requireNonNull(now, "now");
        String since = "TIMESTAMP '" + SQL_TIME.format(now) + "' - INTERVAL 24 HOUR";
        String f = "f";
        String c = "c";
        return "WITH p AS (\n"
                + "  SELECT " + PROCESS_COLUMNS + ", lower(FileName) AS f, lower(ProcessCommandLine) AS c\n"
                + "  FROM " + processSource + " WHERE Timestamp > " + since + "),\n"
                + "ftp AS (SELECT " + PROCESS_COLUMNS + ", 'FTP' AS ExfilMethod FROM p\n"
                + "  WHERE (" + hasAny(f, FTP_TOOLS) + " OR " + hasAny(c, List.of("ftp://", "--ftp-upload", "-T ftp")) + ")\n"
                + "    AND (" + hasAny(c, FTP_EXFIL) + " OR " + hasAny(f, FTP_TOOLS) + ")),\n"
                + "http AS (SELECT " + PROCESS_COLUMNS + ", 'HTTP_Upload' AS ExfilMethod FROM p\n"
                + "  WHERE " + hasAny(f, List.of("curl.exe", "curl", "wget.exe", "wget")) + "\n"
                + "    AND (" + hasAny(c, HTTP_EXFIL) + "\n"
                + "      OR (regexp_matches(ProcessCommandLine, 'http://[^\\s]+') AND "
                + hasAny(c, List.of("--upload-file", "-T ", "--data", "-d ", "--form", "-F ")) + "))),\n"
                + "dns AS (SELECT " + PROCESS_COLUMNS + ", 'DNS_Tunnel' AS ExfilMethod FROM p\n"
                + "  WHERE (" + hasAny(f, List.of("nslookup.exe", "nslookup", "dnscat", "iodine", "dns2tcp")) + " OR "
                + hasAny(c, DNS_EXFIL) + ")\n"
                + "    AND (regexp_matches(ProcessCommandLine, '[A-Za-z0-9+/]{20,}\\.[a-z]{2,}') OR "
                + hasAny(c, List.of("dnscat", "iodine", "dns2tcp", "dnstunnel")) + ")),\n"
                + "smtp AS (SELECT " + PROCESS_COLUMNS + ", 'SMTP' AS ExfilMethod FROM p\n"
                + "  WHERE (" + hasAny(f, List.of("blat.exe", "swaks", "sendmail", "msmtp")) + " OR " + hasAny(c, SMTP_EXFIL) + ")\n"
                + "    AND " + hasAny(c, List.of("-server", "-to ", "--to ", "-attach", "--attach", "-body", "--body")) + "),\n"
                + "net AS (SELECT Timestamp, DeviceName, InitiatingProcessAccountName, InitiatingProcessFileName,\n"
                + "    InitiatingProcessCommandLine, RemoteIP, RemotePort, RemoteUrl,\n"
                + "    CASE WHEN RemotePort IN (21, 2121) THEN 'FTP'\n"
                + "         WHEN RemotePort IN (25, 110, 143) THEN 'Email_Protocol'\n"
                + "         WHEN RemotePort = 69 THEN 'TFTP'\n"
                + "         WHEN RemotePort IN (80, 8080, 8000, 8888) THEN 'HTTP'\n"
                + "         ELSE 'Unknown_Plaintext' END AS ExfilMethod\n"
                + "  FROM " + networkSource + "\n"
                + "  WHERE Timestamp > " + since + "\n"
                + "    AND RemotePort IN (21, 25, 69, 80, 110, 143, 8080, 8000, 8888, 2121)\n"
                + "    AND RemoteIPType = 'Public'\n"
                + "    AND lower(InitiatingProcessFileName) NOT IN (" + lowerList(ALLOWED) + "))\n"
                + "SELECT * FROM ftp\n"
                + "UNION ALL BY NAME SELECT * FROM http\n"
                + "UNION ALL BY NAME SELECT * FROM dns\n"
                + "UNION ALL BY NAME SELECT * FROM smtp\n"
                + "UNION ALL BY NAME SELECT * FROM net\n"
                + "ORDER BY Timestamp DESC";
    }

    private static String lowerList(List<String> values) {
        return String.join(", ", values.stream().map(v -> KustoTerms.sqlString(v.toLowerCase(Locale.ROOT))).toList());
    }
}
