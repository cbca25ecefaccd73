package io.egress.bench.gen;

/**
 * Why the generator emitted a row: the seed detection must return every {@link #EXFIL} row inside its
 * time window and no other; {@link #NEAR_MISS} rows look like exfiltration but must not match.
 */
public enum RowKind {
    BENIGN,
    NEAR_MISS,
    EXFIL
}
