/**
 * The {@code pcusage} command-line tool: exports Partner Center Azure utilization records and usage
 * summaries on top of the SDK. {@link io.github.pcusage.cli.Main} is the entry point.
 */
package io.github.pcusage.cli;
