package io.egress.detect.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Schema;
import io.egress.detect.TestRules;
import io.egress.detect.rule.EntityMapping;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {
    static final Schema SEED_RESULT = Schema.parse("__Branch:string, Timestamp:datetime, DeviceName:string, AccountName:string,"
            + " FileName:string, ProcessCommandLine:string, InitiatingProcessFileName:string, InitiatingProcessCommandLine:string,"
            + " ExfilMethod:string, InitiatingProcessAccountName:string, RemoteIP:string, RemotePort:int, RemoteUrl:string");

    @Test
    void processRowsUseTheCreatedProcessAndNetworkRowsTheInitiatingOne() {
        EntityExtractor extractor = new EntityExtractor(SEED_RESULT, TestRules.seedRule().entityMappings());
        Object[] process = {"FtpExfil", Instant.parse("2026-11-20T10:00:00Z"), "ws01.corp.example.com", "alice", "ftp.exe",
                "ftp -s:C:\\t.txt", "cmd.exe", "cmd /c ftp -s:C:\\t.txt", "FTP", "", "", null, ""};
        assertThat(extractor.extract(process)).isEqualTo(new Entities("ws01.corp.example.com", "alice", "ftp.exe",
                "ftp -s:C:\\t.txt", null, null, null));
        Object[] network = {"PlaintextNetworkExfil", Instant.parse("2026-11-20T10:00:00Z"), "ws02", "", "", "", "python.exe",
                "python up.py", "HTTP", "bob", "198.51.100.9", 8080, "http://198.51.100.9:8080/u"};
        Entities entities = extractor.extract(network);
        assertThat(entities).isEqualTo(new Entities("ws02", "bob", "python.exe", "python up.py", "198.51.100.9", 8080,
                "http://198.51.100.9:8080/u"));
        assertThat(entities.toMap()).containsOnlyKeys("host", "account", "process", "commandLine", "remoteIp", "remotePort", "url");
        assertThat(extractor.extract(process).toMap()).containsOnlyKeys("host", "account", "process", "commandLine");
    }

    @Test
    void entityMappingsWinOverWellKnownColumns() {
        Schema schema = Schema.parse("Computer:string, DeviceName:string, Who:string, AccountName:string, Cmd:string, Dst:string");
        EntityExtractor extractor = new EntityExtractor(schema, List.of(
                new EntityMapping("Host", List.of(new EntityMapping.FieldMapping("HostName", "Computer"))),
                new EntityMapping("Account", List.of(new EntityMapping.FieldMapping("Name", "Who"))),
                new EntityMapping("Process", List.of(new EntityMapping.FieldMapping("CommandLine", "Cmd"))),
                new EntityMapping("IP", List.of(new EntityMapping.FieldMapping("Address", "Dst"))),
                new EntityMapping("Mailbox", List.of(new EntityMapping.FieldMapping("MailboxPrimaryAddress", "Who")))));
        Entities e = extractor.extract(new Object[] {"SRV1", "srv1.corp", "carol", "dave", "x.exe -a", "203.0.113.5"});
        assertThat(e.toMap()).isEqualTo(Map.of("host", "SRV1", "account", "carol", "commandLine", "x.exe -a", "remoteIp", "203.0.113.5"));
        // An empty mapped value falls back to the well-known column.
        Entities fallback = extractor.extract(new Object[] {"", "srv1.corp", "", "dave", "", ""});
        assertThat(fallback.host()).isEqualTo("srv1.corp");
        assertThat(fallback.account()).isEqualTo("dave");
    }
}
