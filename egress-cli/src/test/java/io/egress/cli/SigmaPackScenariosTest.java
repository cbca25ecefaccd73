package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled Sigma versions of the seed detection (rules/T1048.003/sigma) alert on the same Atomic
 * scenarios as the KQL rule (the rule for the branch the seed fires on that test), through `egress detect`.
 */
class SigmaPackScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = StoreCommandsTest.ROOT;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "atomic-1-ftp-native-client, 83a72b72-c529-4081-bd1a-1e8e576e8402",
        "atomic-2-curl-http-upload, a5436378-8a3a-4ec5-b209-dc0bae314385",
        "atomic-3-nslookup-dns-subdomain, d95e0d49-7faa-44b7-8c73-0bca49ccdb83",
        "atomic-4-send-mailmessage-smtp, 25e0d30a-91d6-4e55-93e8-faa008f624a3",
        "atomic-5-linux-tar-curl-ftp, 83a72b72-c529-4081-bd1a-1e8e576e8402",
    })
    void sigmaRuleForTheBranchAlertsOnTheAtomicScenario(String scenario, String sigmaRuleId) throws Exception {
        Path rules = ROOT.resolve("rules/T1048.003/sigma");
        Path telemetry = ROOT.resolve("rules/T1048.003/scenarios").resolve(scenario);
        CliRun run = CliRun.of("detect", telemetry.toString(), "--no-bundled-rules", "--tuning", "none",
                "--rules", rules.toString(), "-o", "jsonl");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> ruleIds = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (!line.isBlank()) {
                JsonNode alert = JSON.readTree(line);
                ruleIds.add(alert.path("ruleId").asText());
            }
        }
        assertThat(ruleIds).as(run.err()).contains(sigmaRuleId);
    }
}
