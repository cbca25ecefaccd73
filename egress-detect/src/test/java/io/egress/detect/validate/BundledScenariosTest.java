package io.egress.detect.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledScenariosTest {
    @TempDir
    Path dir;

    @Test
    void indexListsEveryScenarioFileAndExtractsThem() throws IOException {
        Path scenarios = Path.of(System.getProperty("egress.repo.root", "..")).resolve("rules/T1048.003/scenarios");
        try (Stream<Path> walk = Files.walk(scenarios)) {
            List<String> onDisk = walk.filter(Files::isRegularFile).map(p -> scenarios.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("files.txt")).sorted().toList();
            assertThat(BundledScenarios.files()).isEqualTo(onDisk);
        }
        Path out = BundledScenarios.extract(dir);
        assertThat(new ScenarioLoader().load(out).scenarios()).hasSize(7);
        assertThat(Files.mismatch(out.resolve("atomic-5-linux-tar-curl-ftp/audit.log"),
                scenarios.resolve("atomic-5-linux-tar-curl-ftp/audit.log"))).isEqualTo(-1);
    }
}
