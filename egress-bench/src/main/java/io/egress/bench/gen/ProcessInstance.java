package io.egress.bench.gen;

import java.time.Instant;

/**
 * A long-lived running process that starts children and opens connections: it becomes the
 * {@code InitiatingProcess*} columns of the rows it causes.
 */
public record ProcessInstance(Device device, Account account, Image image, long pid, String commandLine,
                              Instant creationTime, String parentFileName, long parentPid, Instant parentCreationTime,
                              long logonId, long sessionId, String integrityLevel, String tokenElevation, String uniqueId) {
}
