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
    private static final Path RULES = Path.of(System.getProperty("egress.repo.root", "..")).resolve("rules");

    @TempDir
    Path dir;

    @Test
    void everyPackIndexListsEveryScenarioFile() throws IOException {
        assertThat(BundledScenarios.packs()).containsExactly("T1048.003", "T1048.003-v2");
        for (String pack : BundledScenarios.packs()) {
            Path scenarios = RULES.resolve(pack).resolve("scenarios");
            try (Stream<Path> walk = Files.walk(scenarios)) {
                List<String> onDisk = walk.filter(Files::isRegularFile).map(p -> scenarios.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !p.equals("files.txt")).sorted().toList();
                assertThat(BundledScenarios.files(pack)).as(pack).isEqualTo(onDisk);
            }
        }
    }

    @Test
    void extractsEachPackToItsOwnFolder() throws IOException {
        List<Path> roots = BundledScenarios.extract(dir);
        assertThat(roots).containsExactly(dir.resolve("T1048.003"), dir.resolve("T1048.003-v2"));
        assertThat(new ScenarioLoader().load(roots.get(0)).scenarios()).hasSize(7);
        assertThat(new ScenarioLoader().load(roots.get(1)).scenarios()).isNotEmpty();
        assertThat(Files.mismatch(roots.get(0).resolve("atomic-5-linux-tar-curl-ftp/audit.log"),
                RULES.resolve("T1048.003/scenarios/atomic-5-linux-tar-curl-ftp/audit.log"))).isEqualTo(-1);
    }
}
