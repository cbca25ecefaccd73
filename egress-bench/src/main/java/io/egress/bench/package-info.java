/** Benchmarks: a deterministic Defender-row generator and the Egress-versus-DuckDB harness. */
package io.egress.bench;
