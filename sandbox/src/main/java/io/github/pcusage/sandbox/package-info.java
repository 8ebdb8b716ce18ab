/**
 * An embedded fake Partner Center for offline clients, tests and benchmarks.
 *
 * <p>{@link io.github.pcusage.sandbox.Sandbox} starts a real HTTP server on the loopback interface
 * that answers the Azure utilization and subscription usage summary operations from a data set
 * derived from a seed. Scenario ids, runtime provider states ({@link
 * io.github.pcusage.sandbox.Scenarios}) and reproducible fault injection ({@link
 * io.github.pcusage.sandbox.Faults}) drive a client through every path it must survive.
 *
 * <p>Everything in this package is non-null unless documented otherwise. The sandbox never uses the
 * SDK: it writes the wire format from its own reading of the service.
 */
package io.github.pcusage.sandbox;
