/**
 * Not API: the JSON runtime that the generated models and the client call (one shared {@link
 * com.squareup.moshi.Moshi} with exact decimals, offset-keeping date-times, lenient string maps and
 * the adapters generated from the spec). Public only because generated code in other packages calls
 * it; it may change without notice in any release.
 *
 * <p>Everything here is non-null by default; parameters and results that may be {@code null} say
 * so.
 */
package io.github.pcusage.internal.json;
