/**
 * Not API: the Retrofit interfaces generated from {@code openapi/partner-center-usage.yaml}. The
 * client builds its requests with them; they change with every spec change and may change without
 * notice in any release. Call {@link io.github.pcusage.PartnerCenterClient} instead, which adds
 * validation, retries, paging and error mapping.
 */
package io.github.pcusage.internal.api;
