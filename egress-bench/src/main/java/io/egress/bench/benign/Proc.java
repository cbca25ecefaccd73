package io.egress.bench.benign;

import java.time.Instant;

/**
 * A running process: its image, command line, id, start time and account, and its parent's name and id.
 * It is the subject of a ProcessCreated row and the {@code InitiatingProcess*} of the rows it causes.
 */
public record Proc(String path, String commandLine, long pid, Instant created, User user, String parentName, long parentPid,
                   Instant parentCreated, String integrity) {
    public String fileName() {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1);
    }

    public String folder() {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
