package io.egress.kql.engine.binder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Did you mean": case-insensitive match first, then the closest name within a small edit distance. */
class SuggestTest {
    private static final List<String> NAMES = List.of("FileName", "FolderPath", "DeviceName", "DeviceId",
            "ProcessCommandLine", "InitiatingProcessFileName");

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "filename, FileName",
            "Filename, FileName",
            "FileNme, FileName",
            "DeviceNam, DeviceName",
            "ProcesCommandLine, ProcessCommandLine",
            "DeviceIdd, DeviceId",
            "Timestamp, none",
            "xyz, none"})
    void suggests(String typed, String expected) {
        assertThat(Suggest.best(typed, NAMES)).isEqualTo(expected);
    }
}
