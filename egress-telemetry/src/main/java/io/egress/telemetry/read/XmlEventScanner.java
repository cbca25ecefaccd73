package io.egress.telemetry.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Finds {@code <Event ...>...</Event>} elements in a character stream whatever surrounds them: a
 * {@code <Events>} document, {@code wevtutil qe /f:xml} output (events back to back, no root), one event
 * per line, or syslog lines with a prefix. Memory is bounded by {@link Limits#MAX_XML_EVENT_CHARS}.
 */
public final class XmlEventScanner {
    /** Receives each element's text (or a problem) with the 1-based line it starts on. */
    public interface Handler {
        void element(String xml, long line);

        void problem(String reason, long line);
    }

    private static final String OPEN = "<Event";
    private static final String CLOSE = "</Event>";

    private final Reader in;
    private final int maxChars;
    private final StringBuilder pending = new StringBuilder();
    private final char[] buffer = new char[16 * 1024];
    private long line = 1;
    private boolean eof;

    public XmlEventScanner(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    public void scan(Handler handler) throws IOException {
        int searchFrom = 0;
        boolean inEvent = false;
        while (true) {
            if (!inEvent) {
                int start = findOpen(searchFrom);
                if (start < 0) {
                    // keep a tail that may be the start of "<Event"
                    int keep = Math.min(pending.length(), OPEN.length());
                    drop(pending.length() - keep);
                    searchFrom = 0;
                    if (eof) {
                        return;
                    }
                    fill();
                    continue;
                }
                drop(start);
                inEvent = true;
                searchFrom = OPEN.length();
            }
            int close = pending.indexOf(CLOSE, searchFrom);
            if (close >= 0) {
                int end = close + CLOSE.length();
                handler.element(pending.substring(0, end), line);
                drop(end);
                inEvent = false;
                searchFrom = 0;
                continue;
            }
            if (pending.length() > maxChars) {
                handler.problem("event element larger than " + maxChars + " characters (skipped)", line);
                drop(OPEN.length());
                inEvent = false;
                searchFrom = 0;
                continue;
            }
            if (eof) {
                handler.problem("event element is truncated (no </Event>)", line);
                drop(OPEN.length());
                inEvent = false;
                searchFrom = 0;
                continue;
            }
            searchFrom = Math.max(OPEN.length(), pending.length() - CLOSE.length());
            fill();
        }
    }

    private int findOpen(int from) {
        int at = from;
        while (true) {
            int i = pending.indexOf(OPEN, at);
            if (i < 0) {
                return -1;
            }
            int after = i + OPEN.length();
            if (after >= pending.length()) {
                return -1; // "<Event" at the very end: decided once more text has arrived
            }
            char c = pending.charAt(after);
            if (c == '>' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/') {
                return i;
            }
            at = after;
        }
    }

    private void fill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            eof = true;
        } else {
            pending.append(buffer, 0, n);
        }
    }

    private void drop(int count) {
        for (int i = 0; i < count; i++) {
            if (pending.charAt(i) == '\n') {
                line++;
            }
        }
        pending.delete(0, count);
    }
}
