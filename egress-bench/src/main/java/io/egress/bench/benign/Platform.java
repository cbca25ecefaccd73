package io.egress.bench.benign;

/** The operating system of a host; Defender for Endpoint runs on all three. */
public enum Platform {
    WINDOWS,
    LINUX,
    MACOS
}
