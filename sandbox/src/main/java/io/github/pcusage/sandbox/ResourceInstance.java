package io.github.pcusage.sandbox;

import java.util.Map;

/**
 * The resource instance behind a record: its {@code instanceData} on the wire.
 *
 * @param resourceUri the Azure resource id, kept as a plain string (not always a valid URI)
 * @param location the Azure location, e.g. {@code westeurope}
 * @param tags the resource tags, or null when the record carries none
 * @param additionalInfo the additional information, or null when the record carries none
 */
record ResourceInstance(
    String resourceUri,
    String location,
    Map<String, String> tags,
    Map<String, String> additionalInfo) {}
