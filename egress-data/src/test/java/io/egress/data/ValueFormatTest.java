package io.egress.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** tostring() of reals, as .NET's round-trip format prints them. */
class ValueFormatTest {
    @ParameterizedTest
    @CsvSource({
        "2.0, 2", "-3.0, -3", "1.5, 1.5", "0.30000000000000004, 0.30000000000000004",
        "12345678.9, 12345678.9", "0.0001, 0.0001", "0.00001, 0.00001", "0.000001, 1E-06",
        "1e15, 1E+15", "1.5e20, 1.5E+20", "-2.5e-7, -2.5E-07", "123456789012.5, 123456789012.5"})
    void reals(double value, String expected) {
        assertThat(ValueFormat.real(value)).isEqualTo(expected);
    }
}
