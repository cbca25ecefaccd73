package io.egress.kql.syntax.tree;

/**
 * Kinds of scalar literal. The decoded {@link Expr.Literal#value()} is a String (STRING), Long (LONG),
 * Integer (INT), Double (REAL), Boolean (BOOL), BigDecimal (DECIMAL); for DATETIME, TIMESPAN and GUID it
 * is the raw text between the parentheses (or the timespan token such as {@code 1.5h}), which the engine
 * converts.
 */
public enum LiteralKind {
    STRING, LONG, INT, REAL, BOOL, DECIMAL, DATETIME, TIMESPAN, GUID
}
