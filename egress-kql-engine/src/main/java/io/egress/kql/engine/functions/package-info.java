/**
 * Kusto's scalar semantics: the function and operator registry ({@link
 * io.egress.kql.engine.functions.StandardFunctions#registry()}) and the contracts the binder uses.
 *
 * <p>Choices where Kusto's documentation is silent or where we differ on purpose:
 * <ul>
 *   <li>Terms ({@code has} family): a term character is an ASCII letter or digit; any other character,
 *       including a non-ASCII letter, separates terms ({@link io.egress.kql.engine.functions.terms.Terms}).</li>
 *   <li>Nulls: {@code ==} of null and a value is false, {@code !=} true, of two nulls null; ordering
 *       with a null is null; {@code and}/{@code or} are three-valued; arithmetic with a null is null.</li>
 *   <li>Integer division and modulo by zero give null; real division follows IEEE (±Infinity, NaN).</li>
 *   <li>{@code dcount}/{@code dcountif} are exact; {@code percentile(s)} use nearest rank over all
 *       values (Kusto estimates both).</li>
 *   <li>{@code hash}/{@code hash_xxhash64}: XXH64, seed 0, over the UTF-8 bytes of the string form
 *       (datetimes: their 8 tick bytes), which reproduces the documented examples.</li>
 *   <li>{@code geo_info_from_ip_address} returns empty fields (no geolocation database ships);
 *       {@code ingestion_time()} is null offline.</li>
 *   <li>Functions convert arguments leniently (a string where a number is expected is parsed); a
 *       failed conversion gives null rather than an error.</li>
 * </ul>
 */
package io.egress.kql.engine.functions;
