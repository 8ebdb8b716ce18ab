package io.github.pcusage.client;

import static io.github.pcusage.client.Fixtures.CUSTOMER;
import static io.github.pcusage.client.Fixtures.NOW;
import static io.github.pcusage.client.Fixtures.SUBSCRIPTION;
import static io.github.pcusage.client.Fixtures.ids;
import static io.github.pcusage.client.Fixtures.json;
import static io.github.pcusage.client.Fixtures.lastPage;
import static io.github.pcusage.client.Fixtures.pageWithToken;
import static io.github.pcusage.client.Fixtures.query;
import static io.github.pcusage.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Page;
import io.github.pcusage.PagedIterable;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A listing sends nothing before it is iterated and stays at most one page ahead of its caller. */
class LazyPagingTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private PartnerCenterClient client(boolean prefetch) {
    return Fixtures.client(server, sleeper, new MutableClock(NOW)).prefetch(prefetch).build();
  }

  private void enqueueThreePages() {
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(json(pageWithToken("token-2", "b")));
    server.enqueue(json(lastPage("c")));
  }

  @Test
  void sendsNoRequestBeforeIteration() {
    enqueueThreePages();
    try (PartnerCenterClient client = client(true)) {
      PagedIterable<AzureUtilizationRecord> records =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query());
      records.stream();
      records.iterator();
      records.byPage().iterator();

      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void prefetchesAtMostOnePageAhead() throws InterruptedException {
    enqueueThreePages();
    try (PartnerCenterClient client = client(true)) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();

      Page<AzureUtilizationRecord> first = pages.next();

      assertThat(ids(first.items())).containsExactly("a");
      take(server);
      assertThat(take(server).getHeader("MS-ContinuationToken")).isEqualTo("token-1");
      assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void fetchesStrictlyOnDemandWithoutPrefetch() throws InterruptedException {
    enqueueThreePages();
    try (PartnerCenterClient client = client(false)) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();

      pages.next();
      assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNotNull();
      assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
      assertThat(server.getRequestCount()).isEqualTo(1);

      pages.next();
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void streamsEveryRecordInOrder() {
    enqueueThreePages();
    try (PartnerCenterClient client = client(true)) {
      assertThat(
              client.utilizations(CUSTOMER, SUBSCRIPTION, query()).stream()
                  .map(r -> r.getResource().getId())
                  .collect(Collectors.toList()))
          .containsExactly("a", "b", "c");
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void eachIterationStartsTheListingAnew() {
    enqueueThreePages();
    enqueueThreePages();
    try (PartnerCenterClient client = client(false)) {
      PagedIterable<AzureUtilizationRecord> records =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query());

      assertThat(ids(records)).containsExactly("a", "b", "c");
      assertThat(ids(records)).containsExactly("a", "b", "c");
      assertThat(server.getRequestCount()).isEqualTo(6);
    }
  }
}
