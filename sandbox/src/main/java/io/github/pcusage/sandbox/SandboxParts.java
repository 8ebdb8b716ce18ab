package io.github.pcusage.sandbox;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** The running parts of a {@link Sandbox}, wired from its builder's settings. */
record SandboxParts(
    SandboxServer server,
    Dataset dataset,
    Scenarios scenarios,
    Faults faults,
    FaultCounters faultCounters,
    AtomicLong requests,
    long pageCacheBytes,
    RateCard rateCard) {

  /** Builds the data set and the endpoints, and starts the server on 127.0.0.1. */
  static SandboxParts start(Sandbox.Builder b) {
    Dataset dataset =
        new Dataset(b.seed, b.customers, b.subscriptionsPerCustomer, b.recordsPerSubscription);
    Scenarios scenarios = new Scenarios();
    FaultCounters counters = new FaultCounters();
    AtomicLong requests = new AtomicLong();
    WireWriter writer = new WireWriter();
    Replies replies = new Replies(writer, Clock.systemUTC());
    RateCard rateCard =
        new RateCard(b.seed, dataset.meterIdsInUse(), b.unpricedMeters, b.rateCardMeters);
    Endpoints endpoints =
        new Endpoints(
            new UtilizationEndpoint(
                dataset,
                scenarios,
                new ContinuationTokens(b.seed),
                writer,
                replies,
                b.nextLinkStyle,
                b.pageCacheBytes),
            new UsageSummaryEndpoint(dataset, scenarios, writer, replies),
            new CustomersEndpoint(
                dataset,
                scenarios,
                new CustomerTokens(b.seed),
                writer,
                replies,
                b.nextLinkStyle,
                b.endCustomerListWithCode2000),
            new SubscriptionsEndpoint(dataset, scenarios, writer, replies),
            new RateCardEndpoint(rateCard, scenarios, writer, replies, b.rateCardLatency));
    SandboxHandler handler =
        new SandboxHandler(
            b.token,
            b.rejectUnknownParameters,
            b.latency,
            new FaultInjector(b.faults),
            counters,
            replies,
            endpoints,
            requests);
    SandboxServer server = SandboxServer.start(b.port, b.threads, handler);
    return new SandboxParts(
        server, dataset, scenarios, b.faults, counters, requests, b.pageCacheBytes, rateCard);
  }
}
