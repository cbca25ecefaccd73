package io.egress.kql.engine.functions.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.kql.engine.functions.support.Values;

/** A small JSONPath subset for extractjson: {@code $.a.b}, {@code $['a']}, {@code $.a[0]}. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String extract(String path, Object json) {
        JsonNode node = Values.toDynamic(json);
        if (node == null) {
            return "";
        }
        String p = path.trim();
        if (!p.startsWith("$")) {
            return "";
        }
        int i = 1;
        while (i < p.length() && node != null) {
            char c = p.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < p.length() && p.charAt(j) != '.' && p.charAt(j) != '[') {
                    j++;
                }
                node = node.get(p.substring(i + 1, j));
                i = j;
            } else if (c == '[') {
                int j = p.indexOf(']', i);
                if (j < 0) {
                    return "";
                }
                String inner = p.substring(i + 1, j).trim();
                if (inner.startsWith("'") || inner.startsWith("\"")) {
                    node = node.get(inner.substring(1, inner.length() - 1));
                } else {
                    try {
                        node = node.get(Integer.parseInt(inner));
                    } catch (NumberFormatException e) {
                        return "";
                    }
                }
                i = j + 1;
            } else {
                return "";
            }
        }
        return node == null || node.isNull() ? "" : Values.str(node);
    }
}
