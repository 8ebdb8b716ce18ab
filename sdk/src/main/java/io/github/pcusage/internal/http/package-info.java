/**
 * Not API: the engine under every call of {@link io.github.pcusage.PartnerCenterClient}. It may
 * change without notice in any release.
 *
 * <ul>
 *   <li>{@link io.github.pcusage.internal.http.CallEngine}: the one executor (retry loop, shared
 *       throttle, body reading, decoding, error mapping);
 *   <li>{@link io.github.pcusage.internal.http.RetryStrategy}: every retry decision and the only
 *       {@code Retry-After} parser; {@link io.github.pcusage.internal.http.Throttle}: the pause
 *       shared by a client's calls;
 *   <li>{@link io.github.pcusage.internal.http.HttpStack}: the OkHttp interceptors (tracking
 *       headers, auth, logging) and the Retrofit that builds requests;
 *   <li>{@link io.github.pcusage.internal.http.BodyArrays}: the one chunk pool for bodies; {@link
 *       io.github.pcusage.internal.http.CollectionDecoder}: one pass over a page, noting where each
 *       item's JSON lies; {@link io.github.pcusage.internal.http.ErrorMapper}: failures to
 *       exceptions.
 * </ul>
 *
 * <p>Everything here is non-null by default; parameters and results that may be {@code null} say
 * so.
 */
package io.github.pcusage.internal.http;
