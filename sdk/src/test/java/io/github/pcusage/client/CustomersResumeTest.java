package io.github.pcusage.client;

import static io.github.pcusage.client.DiscoveryData.NEXT_URI;
import static io.github.pcusage.client.DiscoveryData.customersPage;
import static io.github.pcusage.client.DiscoveryData.idsOf;
import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcusage.BadRequestException;
import io.github.pcusage.Continuation;
import io.github.pcusage.CustomerQuery;
import io.github.pcusage.ForbiddenException;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.Customer;
import io.github.pcusage.testing.MockPartnerCenter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Resuming the customer listing from a saved {@link Continuation}, refusing another listing's
 * continuation, and the end of the listing that a {@code 400} with code 2000 on a follow-up page
 * means.
 */
class CustomersResumeTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static final CustomerQuery QUERY =
      CustomerQuery.builder().pageSize(2).domainStartsWith("contoso").build();

  /** Takes the first page of a customer listing and returns its continuation. */
  private Continuation continuationAfterFirstPage() {
    pc.enqueue(json(customersPage(NEXT_URI, "tok+1/%3d==", "a", "b")));
    try (PartnerCenterClient client = pc.client().prefetch(false).build()) {
      Iterator<Page<Customer>> pages = client.customers(QUERY).byPage().iterator();
      Page<Customer> first = pages.next();
      assertThat(idsOf(first.items())).containsExactly("a", "b");
      return first.continuation().orElseThrow();
    }
  }

  @Test
  void resumesFromASavedStringInANewClientWithExactlyTheRemainingCustomers()
      throws InterruptedException {
    Continuation continuation = continuationAfterFirstPage();
    String saved = continuation.encode();
    RecordedRequest first = pc.takeRequest();
    pc.enqueue(json(customersPage(NEXT_URI, "tok-2", "c")), json(customersPage(null, null, "d")));

    Continuation parsed = Continuation.parse(saved);
    List<String> rest = new ArrayList<>();
    try (PartnerCenterClient fresh = pc.client().build()) {
      for (Page<Customer> page : fresh.customers(QUERY).byPage(parsed)) {
        rest.addAll(idsOf(page.items()));
      }
    }

    assertThat(parsed).isEqualTo(continuation);
    assertThat(parsed.customerId()).isNull();
    assertThat(parsed.subscriptionId()).isNull();
    assertThat(parsed.toString()).contains("customers").doesNotContain("tok+1", "seekOperation");
    assertThat(rest).containsExactly("c", "d");
    RecordedRequest resumed = pc.takeRequest();
    assertThat(resumed.getPath()).isEqualTo("/v1/customers?size=500&seekOperation=Next");
    assertThat(resumed.getHeader("MS-ContinuationToken")).isEqualTo("tok+1/%3d==");
    assertThat(resumed.getHeader("MS-CorrelationId"))
        .isEqualTo(first.getHeader("MS-CorrelationId"));
    assertThat(pc.takeRequest().getHeader("MS-ContinuationToken")).isEqualTo("tok-2");
  }

  @Test
  void aSavedFirstPageRestartsWithItsOwnQuery() throws InterruptedException {
    Continuation firstPage;
    try (PartnerCenterClient client = pc.client().build()) {
      pc.enqueue(new MockResponse().setResponseCode(403));
      firstPage =
          thrown(ForbiddenException.class, () -> idsOf(client.customers(QUERY)))
              .continuation()
              .orElseThrow();
    }
    pc.takeRequest();
    pc.enqueue(json(customersPage(null, null, "a")));

    try (PartnerCenterClient client = pc.client().build()) {
      List<String> ids = new ArrayList<>();
      client
          .customers()
          .byPage(Continuation.parse(firstPage.encode()))
          .forEach(p -> ids.addAll(idsOf(p.items())));
      assertThat(ids).containsExactly("a");
    }

    RecordedRequest restarted = pc.takeRequest();
    assertThat(restarted.getRequestUrl().queryParameter("size")).isEqualTo("2");
    assertThat(restarted.getRequestUrl().queryParameter("filter")).contains("\"Domain\"");
  }

  @Test
  void aUtilizationContinuationIsRefusedByTheCustomerListingAndTheOtherWayRound() {
    pc.enqueue(json(pageWithToken("u-token", "r1")));
    Continuation utilization;
    try (PartnerCenterClient client = pc.client().prefetch(false).build()) {
      Page<AzureUtilizationRecord> page =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator().next();
      utilization = page.continuation().orElseThrow();
    }
    Continuation customers = continuationAfterFirstPage();
    int before = pc.server().getRequestCount();

    try (PartnerCenterClient client = pc.client().build()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> client.customers().byPage(utilization))
          .withMessageContaining("utilization listing of customer " + CUSTOMER)
          .withMessageContaining("not to the customer listing");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  client
                      .utilizations(CUSTOMER, SUBSCRIPTION, query())
                      .byPage(Continuation.parse(customers.encode())))
          .withMessageContaining("belongs to the customer listing");
    }
    assertThat(pc.server().getRequestCount()).isEqualTo(before);
  }

  @Test
  void aCode2000OnAFollowUpPageEndsTheListingWithAWarningNamingItsRequestId() {
    pc.enqueue(
        json(customersPage(NEXT_URI, "tok-1", "a", "b")),
        new MockResponse()
            .setResponseCode(400)
            .setHeader("MS-RequestId", "end-of-seek-request")
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"code\":2000,\"description\":\"No more records.\",\"source\":\"PartnerFD\"}"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    List<Page<Customer>> pages = new ArrayList<>();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (PartnerCenterClient client = pc.client().build()) {
      client.customers().byPage().forEach(pages::add);
    } finally {
      System.setErr(originalErr);
    }

    assertThat(pages).hasSize(2);
    assertThat(idsOf(pages.get(0).items())).containsExactly("a", "b");
    assertThat(pages.get(1).items()).isEmpty();
    assertThat(pages.get(1).continuation()).isEmpty();
    assertThat(pages.get(1).requestId()).isEqualTo("end-of-seek-request");
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("WARN")
        .contains("code 2000")
        .contains("end-of-seek-request")
        .doesNotContain("tok-1");
  }

  @Test
  void aCode2000OnTheFirstPageIsABadRequest() {
    pc.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"code\":2000,\"description\":\"No more records.\"}"));

    BadRequestException e =
        thrown(
            BadRequestException.class,
            () -> {
              try (PartnerCenterClient client = pc.client().build()) {
                idsOf(client.customers());
              }
            });

    assertThat(e.errorCode()).isEqualTo("2000");
    assertThat(e.getMessage()).contains("GET customers");
  }

  @Test
  void anotherBadRequestOnAFollowUpPageStaysABadRequestWithItsContinuation() {
    pc.enqueue(
        json(customersPage(NEXT_URI, "tok-1", "a")),
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"code\":800002,\"description\":\"Invalid request input.\"}"));

    BadRequestException e =
        thrown(
            BadRequestException.class,
            () -> {
              try (PartnerCenterClient client = pc.client().build()) {
                idsOf(client.customers());
              }
            });

    assertThat(e.errorCode()).isEqualTo("800002");
    assertThat(e.continuation()).hasValueSatisfying(c -> assertThat(c.isFirstPage()).isFalse());
  }
}
