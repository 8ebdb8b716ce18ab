package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Page;
import io.github.pcusage.PagedIterable;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A listing sends nothing before it is iterated and stays at most one page ahead of its caller. */
class LazyPagingTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private PartnerCenterClient client(boolean prefetch) {
    return pc.client().prefetch(prefetch).build();
  }

  private void enqueueThreePages() {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(json(pageWithToken("token-2", "b")));
    pc.enqueue(json(lastPage("c")));
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

      assertThat(pc.server().getRequestCount()).isZero();
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
      pc.takeRequest();
      assertThat(pc.takeRequest().getHeader("MS-ContinuationToken")).isEqualTo("token-1");
      assertThat(pc.server().takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
      assertThat(pc.server().getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void fetchesStrictlyOnDemandWithoutPrefetch() throws InterruptedException {
    enqueueThreePages();
    try (PartnerCenterClient client = client(false)) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();

      pages.next();
      assertThat(pc.server().takeRequest(300, TimeUnit.MILLISECONDS)).isNotNull();
      assertThat(pc.server().takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
      assertThat(pc.server().getRequestCount()).isEqualTo(1);

      pages.next();
      assertThat(pc.server().getRequestCount()).isEqualTo(2);
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
      assertThat(pc.server().getRequestCount()).isEqualTo(3);
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
      assertThat(pc.server().getRequestCount()).isEqualTo(6);
    }
  }
}
