package io.egress.data.io;

/** The layouts of an Advanced Hunting export that {@link AdvancedHuntingReader} recognises. */
public enum ExportFormat {
    /** One JSON object per line. */
    JSON_LINES,
    /** A JSON array of objects. */
    JSON_ARRAY,
    /** The Advanced Hunting API response: {@code {"Schema":[{"Name":..,"Type":..}],"Results":[...]}}. */
    API_RESPONSE,
    /** Comma-separated values with a header row. */
    CSV
}
