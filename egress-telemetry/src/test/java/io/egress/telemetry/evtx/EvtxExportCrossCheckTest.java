package io.egress.telemetry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.SharedData;
import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.event.SourceLocation;
import io.egress.telemetry.read.RecordException;
import io.egress.telemetry.read.XmlEventParser;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A second, independent reference: libevtx's {@code evtxexport -f xml} (Debian package
 * libevtx-utils) on every corpus EVTX, read back with the project's Windows XML parser
 * ({@link XmlEventParser}), compared with this reader's untrimmed output: every System and
 * EventData/UserData value. So EVTX input and an XML export of the same events give the same
 * RawEvents. Skipped when {@code evtxexport} is not installed.
 *
 * <p>Normalised, as pure representation choices: libevtx writes GUIDs in braces, hex integers
 * zero-padded ({@code 0x0000000000000378}) and times with 9 fraction digits; this reader follows
 * evtx_dump ({@code 0x378}, no braces, microseconds). Line ends are compared as {@code \n}: an XML
 * parser must turn the {@code \r\n} that evtxexport writes into {@code \n}.
 */
class EvtxExportCrossCheckTest {
    private static final Pattern GUID = Pattern.compile("\\{([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})}");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,16}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

    @Test
    void everyCorpusFileAgreesWithEvtxexport() throws Exception {
        Path regression = SharedData.resolve("corpus/sigma/regression_data").orElse(null);
        Assumptions.assumeTrue(regression != null, "shared corpus absent");
        Assumptions.assumeTrue(onPath("evtxexport"), "evtxexport (libevtx-utils) not installed");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(regression)) {
            files = walk.filter(p -> p.toString().endsWith(".evtx")).sorted().collect(Collectors.toList());
        }
        List<String> diffs = new ArrayList<>();
        int events = 0;
        for (Path file : files) {
            CollectingSink sink = new CollectingSink();
            EvtxReader.untrimmed().read(new ByteArrayInputStream(Files.readAllBytes(file)), file.toString(), sink);
            List<String> reference = evtxexport(file);
            if (reference.size() != sink.events.size()) {
                diffs.add(file + ": " + sink.events.size() + " events, evtxexport " + reference.size());
                continue;
            }
            for (int i = 0; i < reference.size(); i++) {
                compare(file.getFileName() + " event " + i, reference.get(i), sink.events.get(i), diffs);
                events++;
            }
        }
        assertThat(diffs).isEmpty();
        assertThat(events).isGreaterThanOrEqualTo(238);
    }

    private static void compare(String where, String xml, RawEvent actual, List<String> diffs) {
        RawEvent reference;
        try {
            reference = XmlEventParser.parse(xml, SourceLocation.offset(where, 0));
        } catch (RecordException e) {
            diffs.add(where + ": the XML reader rejects evtxexport's XML: " + e.getMessage());
            return;
        }
        same(where + " System", reference.system(), actual.system(), diffs);
        same(where + " Data", reference.data(), actual.data(), diffs);
        Instant referenceTime = reference.time().truncatedTo(ChronoUnit.MICROS);
        if (!reference.provider().equals(actual.provider()) || reference.eventId() != actual.eventId()
                || !reference.host().equals(actual.host()) || !referenceTime.equals(actual.time().truncatedTo(ChronoUnit.MICROS))) {
            diffs.add(where + ": header " + reference + " vs " + actual);
        }
    }

    private static void same(String where, Map<String, Object> expected, Map<String, Object> actual, List<String> diffs) {
        if (!expected.keySet().equals(actual.keySet())) {
            diffs.add(where + ": keys " + expected.keySet() + " vs " + actual.keySet());
            return;
        }
        expected.forEach((k, v) -> {
            String e = normalise(String.valueOf(v));
            String a = normalise(String.valueOf(actual.get(k)));
            if (!e.equals(a)) {
                diffs.add(where + "." + k + ": evtxexport <" + e + "> reader <" + a + ">");
            }
        });
    }

    static String normalise(String value) {
        value = value.replace("\r\n", "\n");
        if (GUID.matcher(value).matches()) {
            return value.substring(1, value.length() - 1);
        }
        if (HEX.matcher(value).matches()) {
            return "0x" + Long.toHexString(Long.parseUnsignedLong(value.substring(2), 16));
        }
        if (TIME.matcher(value).matches()) {
            return Instant.parse(value).truncatedTo(ChronoUnit.MICROS).toString();
        }
        return value;
    }

    /** evtxexport's XML, one string per {@code <Event>}. */
    private static List<String> evtxexport(Path file) throws Exception {
        Process process = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        List<String> events = new ArrayList<>();
        for (int start = out.indexOf("<Event "); start >= 0; start = out.indexOf("<Event ", start + 1)) {
            int end = out.indexOf("</Event>", start);
            events.add(out.substring(start, end < 0 ? out.length() : end + "</Event>".length()));
        }
        return events;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
