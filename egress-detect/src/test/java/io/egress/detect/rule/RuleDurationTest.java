package io.egress.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleDurationTest {
    @ParameterizedTest
    @CsvSource({"1h, PT1H", "5m, PT5M", "14d, PT336H", "30s, PT30S", "PT1H, PT1H", "P1D, PT24H", "pt2h30m, PT2H30M",
            "P1DT12H, PT36H", "2w, PT336H"})
    void parsesShortAndIsoForms(String text, String expected) {
        assertThat(RuleDuration.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"1 hour", "h", "P", "-1h", "1y"})
    void rejectsOtherText(String text) {
        assertThat(RuleDuration.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"P1D, 1d", "PT2H, 2h", "PT90M, 90m", "PT45S, 45s"})
    void formatsShort(String iso, String expected) {
        assertThat(RuleDuration.format(Duration.parse(iso))).isEqualTo(expected);
    }
}
