package io.github.pcusage.sandbox;

import java.math.BigDecimal;

/**
 * One Azure meter of the sandbox's catalogue: what a record's {@code resource} object shows, the
 * unit, the price and how the resource instances that use it look.
 *
 * @param id the meter id (the record's {@code resource.id}), a GUID stable across seeds
 * @param name the meter name
 * @param category the meter category
 * @param subcategory the meter subcategory, possibly empty
 * @param region the meter region display name, possibly empty (global meters)
 * @param location the Azure location of the instances, e.g. {@code westeurope}
 * @param unit the unit of the quantity
 * @param price the price of one unit
 * @param provider the resource provider and type in the instances' resource URIs
 * @param instancePrefix the prefix of the instances' names
 * @param magnitude the decimal exponent of typical daily quantities
 * @param hourly whether whole days of usage count 24 units
 */
record Meter(
    String id,
    String name,
    String category,
    String subcategory,
    String region,
    String location,
    String unit,
    BigDecimal price,
    String provider,
    String instancePrefix,
    int magnitude,
    boolean hourly) {}
