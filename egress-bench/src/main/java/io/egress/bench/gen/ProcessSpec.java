package io.egress.bench.gen;

import java.util.SplittableRandom;

/**
 * One kind of process creation: which parent starts which image with what command line, how often,
 * and whether the seed detection should flag it.
 */
public record ProcessSpec(RowKind kind, Os os, int weight, String parent, String image, CommandLine commandLine) {
    /** Makes the command line of one process creation started by {@code parent}. */
    @FunctionalInterface
    public interface CommandLine {
        String make(SplittableRandom r, ProcessInstance parent);
    }

    static String home(ProcessInstance p) {
        return p.device().os() == Os.WINDOWS ? "C:\\Users\\" + p.account().name() : "/home/" + p.account().name();
    }
}
