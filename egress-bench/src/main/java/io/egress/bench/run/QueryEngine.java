package io.egress.bench.run;

/**
 * One contender of the benchmark: prepared once (anything that is not timed per run, such as loading
 * DuckDB native tables, is reported by {@link #preparation()}), then run the same query many times.
 */
public interface QueryEngine extends AutoCloseable {
    /** Short name for reports: {@code egress-json}, {@code duckdb-json}, {@code duckdb-native}. */
    String name();

    /** What one run covers, in words, for the report. */
    String covers();

    void prepare() throws Exception;

    /** Time spent in {@link #prepare()} that a reader should know about (e.g. loading tables), or empty. */
    java.util.Optional<Phase> preparation();

    RunResult run() throws Exception;

    @Override
    void close() throws Exception;

    /** A named, timed part of preparing or running. */
    record Phase(String name, long nanos) {
    }
}
