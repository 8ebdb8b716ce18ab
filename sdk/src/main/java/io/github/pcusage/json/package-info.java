/**
 * The JSON runtime of the SDK: one shared {@link com.squareup.moshi.Moshi} with exact decimals,
 * offset-keeping date-times, lenient string maps and the adapters generated from the spec.
 *
 * <p>Everything here is non-null by default; parameters and results that may be {@code null} say
 * so.
 */
package io.github.pcusage.json;
