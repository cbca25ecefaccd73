package io.egress.kql.engine.functions.strings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.kql.engine.functions.support.Values;

/** parse_path and parse_command_line (Windows CommandLineToArgvW rules). */
public final class Paths {
    private Paths() {
    }

    /**
     * Docs: parse_path(@"C:\temp\file.txt") gives Scheme "", RootPath "C:", DirectoryPath "C:\temp",
     * DirectoryName "temp", Filename "file.txt", Extension "txt", AlternateDataStreamName "".
     */
    public static ObjectNode parsePath(String path) {
        String scheme = "";
        String rest = path;
        int schemeEnd = path.indexOf("://");
        if (schemeEnd > 0 && path.substring(0, schemeEnd).chars().allMatch(Character::isLetterOrDigit)) {
            scheme = path.substring(0, schemeEnd);
            rest = path.substring(schemeEnd + 3);
        }
        // docs examples: only a drive letter is a root; UNC and Unix paths have an empty RootPath
        String root = rest.length() >= 2 && Character.isLetter(rest.charAt(0)) && rest.charAt(1) == ':' ? rest.substring(0, 2) : "";
        int sep = Math.max(rest.lastIndexOf('\\'), rest.lastIndexOf('/'));
        String dir = sep < 0 ? "" : rest.substring(0, sep);
        String file = rest.substring(sep + 1);
        String ads = "";
        int colon = file.indexOf(':');
        if (colon >= 0 && sep >= 0) {
            ads = file.substring(colon + 1);
            file = file.substring(0, colon);
        }
        int dsep = Math.max(dir.lastIndexOf('\\'), dir.lastIndexOf('/'));
        String dirName = dsep < 0 ? (dir.equals(root) ? "" : dir) : dir.substring(dsep + 1);
        int dot = file.lastIndexOf('.');
        ObjectNode out = Values.NODES.objectNode();
        out.put("Scheme", scheme);
        out.put("RootPath", root);
        out.put("DirectoryPath", dir);
        out.put("DirectoryName", dirName);
        out.put("Filename", file);
        out.put("Extension", dot < 0 ? "" : file.substring(dot + 1));
        out.put("AlternateDataStreamName", ads);
        return out;
    }

    /** Windows argument splitting: whitespace separates; quotes group; 2n backslashes + quote → n backslashes. */
    public static ArrayNode parseCommandLine(String cmd) {
        ArrayNode out = Values.NODES.arrayNode();
        int i = 0;
        int n = cmd.length();
        boolean first = true;
        while (true) {
            while (i < n && (cmd.charAt(i) == ' ' || cmd.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder arg = new StringBuilder();
            if (first) {
                // The program name: no backslash rules; quotes only group.
                if (cmd.charAt(i) == '"') {
                    int end = cmd.indexOf('"', i + 1);
                    arg.append(end < 0 ? cmd.substring(i + 1) : cmd.substring(i + 1, end));
                    i = end < 0 ? n : end + 1;
                }
                while (i < n && cmd.charAt(i) != ' ' && cmd.charAt(i) != '\t') {
                    arg.append(cmd.charAt(i++));
                }
                first = false;
                out.add(arg.toString());
                continue;
            }
            boolean quoted = false;
            while (i < n) {
                char c = cmd.charAt(i);
                if (!quoted && (c == ' ' || c == '\t')) {
                    break;
                }
                if (c == '\\') {
                    int slashes = 0;
                    while (i < n && cmd.charAt(i) == '\\') {
                        slashes++;
                        i++;
                    }
                    if (i < n && cmd.charAt(i) == '"') {
                        arg.append("\\".repeat(slashes / 2));
                        if (slashes % 2 == 1) {
                            arg.append('"');
                            i++;
                        }
                    } else {
                        arg.append("\\".repeat(slashes));
                    }
                    continue;
                }
                if (c == '"') {
                    if (quoted && i + 1 < n && cmd.charAt(i + 1) == '"') {
                        arg.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = !quoted;
                    i++;
                    continue;
                }
                arg.append(c);
                i++;
            }
            out.add(arg.toString());
        }
        return out;
    }
}
