package io.egress.telemetry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.SharedData;
import io.egress.telemetry.event.RawEvent;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A second, independent reference: libevtx's {@code evtxexport -f xml} (Debian package
 * libevtx-utils) on every corpus EVTX, compared with this reader's untrimmed output, every System
 * and EventData/UserData value. Skipped when {@code evtxexport} is not installed.
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
            List<Element> reference = evtxexport(file);
            if (reference.size() != sink.events.size()) {
                diffs.add(file + ": " + sink.events.size() + " events, evtxexport " + reference.size());
                continue;
            }
            for (int i = 0; i < reference.size(); i++) {
                compare(file + " event " + i, reference.get(i), sink.events.get(i), diffs);
                events++;
            }
        }
        assertThat(diffs).isEmpty();
        assertThat(events).isGreaterThanOrEqualTo(238);
    }

    private static void compare(String where, Element event, RawEvent actual, List<String> diffs) {
        Map<String, Object> system = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        for (Element section : children(event)) {
            if (section.getTagName().equals("System")) {
                for (Element e : children(section)) {
                    for (int a = 0; a < e.getAttributes().getLength(); a++) {
                        Node attribute = e.getAttributes().item(a);
                        system.put(e.getTagName() + "." + attribute.getNodeName(), attribute.getNodeValue());
                    }
                    if (!e.getTextContent().isEmpty() || e.getAttributes().getLength() == 0) {
                        system.put(e.getTagName(), e.getTextContent());
                    }
                }
            } else if (section.getTagName().equals("EventData")) {
                for (Element d : children(section)) {
                    data.put(d.hasAttribute("Name") ? d.getAttribute("Name") : d.getTagName(), d.getTextContent());
                }
            } else if (section.getTagName().equals("UserData")) {
                for (Element container : children(section)) {
                    for (Element leaf : children(container)) {
                        data.put(leaf.getTagName(), leaf.getTextContent());
                    }
                }
            }
        }
        same(where + " System", system, actual.system(), diffs);
        same(where + " Data", data, actual.data(), diffs);
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

    private static List<Element> evtxexport(Path file) throws Exception {
        Process process = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        int start = out.indexOf("<Event");
        String xml = "<Events>" + (start < 0 ? "" : out.substring(start)) + "</Events>";
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        return children(root);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                out.add((Element) n);
            }
        }
        return out;
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
