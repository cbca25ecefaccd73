package io.egress.telemetry.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.event.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MappingFunctionsTest {
    private static Object eval(String expression) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("Image", "C:\\Windows\\System32\\curl.exe");
        data.put("LinuxImage", "/usr/bin/curl");
        data.put("User", "CORP\\alice");
        data.put("Plain", "root");
        data.put("Hashes", "SHA1=AA,MD5=BB,SHA256=CC,IMPHASH=DD");
        data.put("Dash", "-");
        data.put("Initiated", "true");
        EvalContext context = new EvalContext(new ProcessTracker());
        context.bind(new RawEvent("windows", "P", 1, null, "Host1", Map.of("Channel", "C"), data, SourceLocation.line("f", 3)));
        return ExprParser.parse(expression).eval(context);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "basename(Image)|curl.exe",
        "basename(LinuxImage)|curl",
        "domain(User)|CORP",
        "user(User)|alice",
        "domain(Plain)|''",
        "user(Plain)|root",
        "hash(Hashes, 'sha256')|cc",
        "hash(Hashes, 'MD5')|bb",
        "coalesce(Dash, Missing, Plain)|root",
        "if(eq(Initiated, 'TRUE'), 'out', 'in')|out",
        "protocol('udp')|Udp",
        "iptype('10.1.2.3')|Private",
        "elevation('%%1937')|TokenElevationTypeFull",
        "integrity('S-1-16-12288')|High",
        "concat($host, ':', $line)|Host1:3",
        "lower($provider)|p",
        "Channel|C",
        "json('Command', Plain, 'None', Missing)|{\"Command\":\"root\"}",
        "dns('a.example', 'type:  5 b.example;::ffff:1.2.3.4;2606:4700::1;', '0')|{\"DnsQueryString\":\"a.example\",\"DnsQueryResult\":[{\"RecordType\":\"CNAME\",\"Name\":\"b.example\"},{\"RecordType\":\"A\",\"IP\":\"1.2.3.4\"},{\"RecordType\":\"AAAA\",\"IP\":\"2606:4700::1\"}],\"DnsQueryStatus\":\"0\"}",
    })
    void evaluates(String expression, String expected) {
        assertThat(Values.text(eval(expression))).isEqualTo(expected);
    }

    @Test
    void rejectsUnknownFunctionsAndVariablesAtLoad() {
        assertThatThrownBy(() -> ExprParser.parse("nope(Image)")).hasMessageContaining("unknown function nope/1");
        assertThatThrownBy(() -> ExprParser.parse("$nope")).hasMessageContaining("unknown variable $nope");
        assertThatThrownBy(() -> ExprParser.parse("basename(Image")).hasMessageContaining("column 15");
    }

    @Test
    void builtInMappingsCompileAndExposeRawSchemas() {
        assertThat(Mappings.builtIn().rawSchemas()).containsOnlyKeys("SysmonEvent", "WindowsEvent", "AuditdEvent", "SyslogEvent");
        assertThat(Mappings.builtIn().rawSchemas().get("SysmonEvent").names()).startsWith(
                "Timestamp", "Computer", "EventID", "Provider", "Channel", "RecordId", "EventData");
    }
}
