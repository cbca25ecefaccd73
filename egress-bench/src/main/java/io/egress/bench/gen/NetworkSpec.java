package io.egress.bench.gen;

/**
 * One kind of connection: which process (started by which parent) reaches what kind of remote address
 * on which ports, how often, and whether the seed's plaintext-network branch should flag it.
 * {@code reportedName} is the file name as the sensor reports it (case varies in real data).
 */
public record NetworkSpec(RowKind kind, Os os, int weight, String parent, String image, String reportedName,
                          Remote remote, int[] ports, String protocol, ProcessSpec.CommandLine commandLine) {
    /** The kind of remote end. */
    public enum Remote {
        /** A well-known public service with a URL (CDN, SaaS). */
        PUBLIC_WEB,
        /** A public address in hosting space, usually without a URL. */
        HOSTING,
        PRIVATE,
        LOOPBACK,
        LOOPBACK_V6,
        /** Inbound to the device's own port from a private client. */
        INBOUND_PRIVATE
    }
}
