package io.egress.sigma.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The value modifiers of Sigma specification 2.1 (appendix "Sigma Modifiers"), by their YAML names. */
public enum Modifier {
    CONTAINS, STARTSWITH, ENDSWITH, ALL, EXISTS, CASED, NEQ,
    WINDASH, RE, I, M, S,
    BASE64, BASE64OFFSET, UTF16LE, UTF16BE, UTF16, WIDE,
    LT, LTE, GT, GTE,
    MINUTE, HOUR, DAY, WEEK, MONTH, YEAR,
    CIDR, EXPAND, FIELDREF;

    /** The modifier's name as written after {@code |} in a rule. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Modifier> fromName(String name) {
        return Arrays.stream(values()).filter(m -> m.yamlName().equals(name)).findFirst();
    }
}
