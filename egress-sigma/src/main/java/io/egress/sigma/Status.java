package io.egress.sigma;

import java.util.Locale;

/** The outcome of loading and compiling one Sigma rule, as {@code egress sigma lint} prints it. */
public enum Status {
    /** Compiled to KQL over a table Egress fills (a Defender table or a raw per-source table). */
    OK,
    /** Valid Sigma that Egress cannot run (yet): a log source, modifier, regex feature or rule type it lacks. */
    UNSUPPORTED,
    /** Valid Sigma whose log source maps, but a field it needs is provided by no source (so it can never match). */
    UNSATISFIABLE,
    /** Not valid Sigma: broken YAML, a missing section, an unknown modifier, a bad condition. */
    INVALID;

    /** The lower-case word used on the command line and in reports. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
