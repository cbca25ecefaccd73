package io.egress.detect.output;

/**
 * ANSI styling, on only for an interactive terminal: off when {@code System.console()} is null (output
 * piped or redirected) or the {@code NO_COLOR} environment variable is set.
 */
public record Style(boolean color) {
    public static final Style PLAIN = new Style(false);

    public static Style detect() {
        return new Style(System.console() != null && System.getenv("NO_COLOR") == null);
    }

    public String highlight(String text) {
        return color ? "\u001b[1;31m" + text + "\u001b[0m" : text;
    }

    public String bold(String text) {
        return color ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    public String dim(String text) {
        return color ? "\u001b[2m" + text + "\u001b[0m" : text;
    }
}
