package io.egress.bench.gen;

/** The operating system of a generated device. */
public enum Os {
    WINDOWS,
    LINUX
}
