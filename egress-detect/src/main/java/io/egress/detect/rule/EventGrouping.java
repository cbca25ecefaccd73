package io.egress.detect.rule;

/**
 * Sentinel's {@code eventGroupingSettings.aggregationKind}: {@code SingleAlert} groups result rows with
 * the same entities (within the rule's window) into one alert; {@code AlertPerResult} makes one alert per row.
 */
public enum EventGrouping {
    SINGLE_ALERT, ALERT_PER_RESULT;

    public static EventGrouping parse(String text) {
        return text != null && text.strip().equalsIgnoreCase("AlertPerResult") ? ALERT_PER_RESULT : SINGLE_ALERT;
    }
}
