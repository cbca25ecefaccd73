package io.egress.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -q TEXT | -f FILE} pair shared by query and explain; {@link #read} returns the text and its label. */
final class QueryText {
    @Option(names = {"-q", "--query"}, paramLabel = "TEXT", description = "The KQL query text.")
    String text;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "A file holding the KQL query.")
    Path file;

    record Source(String label, String text) {
    }

    Source read() throws UserError {
        if ((text == null) == (file == null)) {
            throw new UserError("give the query with exactly one of -q TEXT or -f FILE");
        }
        if (text != null) {
            return new Source("<query>", text);
        }
        try {
            return new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot read query file " + file + ": " + CliText.reason(e));
        }
    }
}
