/**
 * The Partner Center usage client: {@link io.github.pcusage.PartnerCenterClient} and what it takes
 * and returns.
 *
 * <p>Parameters and results are non-null unless their documentation says otherwise. Every exception
 * the client throws is an unchecked {@link io.github.pcusage.PartnerCenterException} (or an {@link
 * IllegalArgumentException} for bad input, before any request is sent).
 */
package io.github.pcusage;
