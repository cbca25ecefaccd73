package io.egress.telemetry.read;

import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.event.SourceLocation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One plain syslog line (not an event this module decodes otherwise) as a raw event of source
 * {@code syslog}: RFC 3164 ({@code <PRI>Mmm dd hh:mm:ss host program[pid]: message}), RFC 5424
 * ({@code <PRI>1 TIME HOST APP PROCID MSGID SD message}), ISO time first ({@code TIME host program[pid]: message}),
 * and key=value lines (FortiGate: {@code <PRI>date=... time=... devname="..." ...}).
 *
 * <p>Data fields: {@code program}, {@code pid}, {@code message}, {@code facility}, {@code severity} (from
 * {@code <PRI>}), and, when the message is a list of {@code key=value} pairs, every pair by its key. An RFC 3164
 * time has no year: the current year is taken, or the previous one when that would put the line more than a
 * day in the future.
 */
public final class SyslogLine {
    public static final String SYSLOG = "syslog";
    private static final Pattern PRI = Pattern.compile("<(\\d{1,3})>");
    private static final Pattern BSD = Pattern.compile(
            "([A-Z][a-z]{2}) +(\\d{1,2}) (\\d\\d:\\d\\d:\\d\\d) +(\\S+) +([^:\\[\\s]+)(?:\\[(\\d+)])?: ?(.*)", Pattern.DOTALL);
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d\\S*) +(\\S+) +([^:\\[\\s]+)(?:\\[(\\d+)])?: ?(.*)", Pattern.DOTALL);
    private static final Pattern RFC5424 = Pattern.compile(
            "1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (-|\\[.*?[^\\\\]](?:\\[.*?[^\\\\]])*) ?(.*)", Pattern.DOTALL);
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][\\w.\\-]*)=(\"((?:[^\"\\\\]|\\\\.)*)\"|\\S*)\\s*");

    private SyslogLine() {
    }

    /** True when the line starts like a syslog line this class parses. */
    public static boolean looksLike(String line) {
        String body = stripPri(line);
        return BSD.matcher(body).lookingAt() || ISO.matcher(body).lookingAt() || RFC5424.matcher(body).lookingAt()
                || body.startsWith("date=") && pairs(body, new LinkedHashMap<>()) >= 3;
    }

    /** The line as a raw event, or null when it is not a syslog line. */
    public static RawEvent parse(String line, SourceLocation location) {
        Map<String, Object> data = new LinkedHashMap<>();
        Matcher pri = PRI.matcher(line);
        String body = line;
        if (pri.lookingAt()) {
            int value = Integer.parseInt(pri.group(1));
            data.put("facility", Integer.toString(value / 8));
            data.put("severity", Integer.toString(value % 8));
            body = line.substring(pri.end());
        }
        Instant time;
        String host;
        String program;
        String pid;
        String message;
        Matcher m;
        if ((m = BSD.matcher(body)).matches()) {
            time = bsdTime(m.group(1) + " " + m.group(2) + " " + m.group(3));
            host = m.group(4);
            program = m.group(5);
            pid = m.group(6);
            message = m.group(7);
        } else if ((m = RFC5424.matcher(body)).matches()) {
            time = EventTimes.parse(m.group(1));
            host = nil(m.group(2));
            program = nil(m.group(3));
            pid = nil(m.group(4));
            message = m.group(7);
        } else if ((m = ISO.matcher(body)).matches()) {
            time = EventTimes.parse(m.group(1));
            host = m.group(2);
            program = m.group(3);
            pid = m.group(4);
            message = m.group(5);
        } else if (body.startsWith("date=")) {
            Map<String, Object> pairs = new LinkedHashMap<>();
            if (pairs(body, pairs) < 3) {
                return null;
            }
            time = EventTimes.parse(pairs.getOrDefault("date", "") + "T" + pairs.getOrDefault("time", ""));
            host = String.valueOf(pairs.getOrDefault("devname", ""));
            program = String.valueOf(pairs.getOrDefault("devid", "")).startsWith("F") ? "fortigate" : "";
            pid = null;
            message = body;
        } else {
            return null;
        }
        data.put("program", program == null ? "" : program);
        if (pid != null) {
            data.put("pid", pid);
        }
        data.put("message", message);
        Map<String, Object> pairs = new LinkedHashMap<>();
        if (pairs(message, pairs) >= 3) {
            pairs.forEach(data::putIfAbsent);
        }
        return new RawEvent(SYSLOG, program == null ? "" : program, 0, time, host == null ? "" : host,
                Map.of(), data, location);
    }

    private static String stripPri(String line) {
        Matcher pri = PRI.matcher(line);
        return pri.lookingAt() ? line.substring(pri.end()) : line;
    }

    private static String nil(String value) {
        return "-".equals(value) ? null : value;
    }

    /** Reads {@code key=value key="quoted value" ...} filling the whole text; the number of pairs, or 0. */
    static int pairs(String text, Map<String, Object> into) {
        Matcher m = PAIR.matcher(text.strip());
        int count = 0;
        int at = 0;
        Map<String, Object> found = new LinkedHashMap<>();
        while (m.find() && m.start() == at) {
            found.put(m.group(1), m.group(3) != null ? m.group(3).replace("\\\"", "\"") : m.group(2));
            at = m.end();
            count++;
        }
        if (at != text.strip().length()) {
            return 0;
        }
        into.putAll(found);
        return count;
    }

    private static Instant bsdTime(String text) {
        String normal = text.replaceAll(" +", " ");
        int year = Year.now(ZoneOffset.UTC).getValue();
        try {
            Instant time = LocalDateTime.parse(normal, bsdFormat(year)).toInstant(ZoneOffset.UTC);
            if (time.isAfter(Instant.now().plus(Duration.ofDays(1)))) {
                time = LocalDateTime.parse(normal, bsdFormat(year - 1)).toInstant(ZoneOffset.UTC);
            }
            return time;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DateTimeFormatter bsdFormat(int year) {
        return new DateTimeFormatterBuilder().appendPattern("MMM d HH:mm:ss")
                .parseDefaulting(ChronoField.YEAR, year).toFormatter(Locale.ROOT);
    }
}
