package io.github.pcusage.client;

import static io.github.pcusage.client.DiscoveryData.CUSTOMERS_PATH;
import static io.github.pcusage.client.DiscoveryData.NEXT_URI;
import static io.github.pcusage.client.DiscoveryData.customerIds;
import static io.github.pcusage.client.DiscoveryData.customersPage;
import static io.github.pcusage.client.DiscoveryData.idsOf;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.CustomerQuery;
import io.github.pcusage.PagingException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.Customer;
import io.github.pcusage.testing.MockPartnerCenter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The customer listing ({@code GET /v1/customers}): seek paging through the same pager as the
 * utilization listing, with every one of its guarantees.
 */
class CustomersTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private List<String> listAll() {
    try (PartnerCenterClient client = pc.client().build()) {
      return idsOf(client.customers());
    }
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "customers?size=500&seekOperation=Next", // relative to /v1/, as utilization links are
        "/customers?size=500&seekOperation=Next", // with a leading slash (documented examples)
        "/v1/customers?size=500&seekOperation=Next", // with /v1/ (seen since 2021), never doubled
        "{origin}/v1/customers?size=500&seekOperation=Next" // absolute, to the same host
      })
  void listsManyPagesInEveryLinkFormSendingEachTokenByteForByte(String form)
      throws InterruptedException {
    String uri = form.replace("{origin}", pc.server().url("/").toString().replaceAll("/$", ""));
    List<String> expected = new ArrayList<>();
    int pages = 6;
    for (int p = 0; p < pages; p++) {
      String[] ids = customerIds("p" + p + "-", 3);
      expected.addAll(Arrays.asList(ids));
      pc.enqueue(json(customersPage(uri, p == pages - 1 ? null : "tok+/" + p + "=%3d==", ids)));
    }

    assertThat(listAll()).containsExactlyElementsOf(expected);

    RecordedRequest first = pc.takeRequest();
    assertThat(first.getPath()).isEqualTo(CUSTOMERS_PATH + "?size=500");
    assertThat(first.getHeader("MS-ContinuationToken")).isNull();
    String correlation = first.getHeader("MS-CorrelationId");
    for (int p = 1; p < pages; p++) {
      RecordedRequest follow = pc.takeRequest();
      assertThat(follow.getPath())
          .isEqualTo("/v1/customers?size=500&seekOperation=Next")
          .doesNotContain("/v1/v1");
      assertThat(follow.getHeader("MS-ContinuationToken")).isEqualTo("tok+/" + (p - 1) + "=%3d==");
      assertThat(follow.getHeader("MS-CorrelationId")).isEqualTo(correlation);
      assertThat(follow.getHeader("Authorization")).isEqualTo("Bearer " + MockPartnerCenter.TOKEN);
    }
  }

  @Test
  void sendsThePageSizeAndTheFilterAsDocumented() throws InterruptedException {
    pc.enqueue(json(customersPage(null, null, "a")), json(customersPage(null, null, "b")));

    try (PartnerCenterClient client = pc.client().build()) {
      assertThat(
              idsOf(
                  client.customers(
                      CustomerQuery.builder()
                          .pageSize(40)
                          .companyNameStartsWith("Contoso \"Bikes\"")
                          .build())))
          .containsExactly("a");
      assertThat(
              idsOf(client.customers(CustomerQuery.builder().domainStartsWith("fabrikam").build())))
          .containsExactly("b");
    }

    RecordedRequest byName = pc.takeRequest();
    assertThat(byName.getRequestUrl().queryParameter("size")).isEqualTo("40");
    assertThat(byName.getRequestUrl().queryParameter("filter"))
        .isEqualTo(
            "{\"Field\":\"CompanyName\",\"Value\":\"Contoso \\\"Bikes\\\"\",\"Operator\":\"starts_with\"}");
    assertThat(byName.getRequestUrl().queryParameter("seekOperation")).isNull();
    RecordedRequest byDomain = pc.takeRequest();
    assertThat(URLDecoder.decode(byDomain.getRequestUrl().encodedQuery(), StandardCharsets.UTF_8))
        .isEqualTo(
            "size=500&filter={\"Field\":\"Domain\",\"Value\":\"fabrikam\",\"Operator\":\"starts_with\"}");
  }

  @Test
  void decodesTheCustomerAndIgnoresUnknownFieldsAndValues() {
    String odd =
        "{\"id\":\"odd\",\"companyProfile\":{\"tenantId\":\"t\",\"companyName\":\"Odd\","
            + "\"address\":{\"city\":\"Oslo\"}},\"relationshipToPartner\":\"distributor_of_tomorrow\","
            + "\"billingProfile\":{\"firstName\":\"A\"},\"futureFlag\":[1,{\"a\":null}]}";
    pc.enqueue(
        json(
            "{\"totalCount\":25,\"items\":["
                + DiscoveryData.customer("a")
                + ","
                + odd
                + "],\"unknownTopLevel\":{\"x\":1},\"links\":{}}"));

    List<Customer> customers = new ArrayList<>();
    try (PartnerCenterClient client = pc.client().build()) {
      client.customers().forEach(customers::add);
    }

    assertThat(customers).hasSize(2);
    assertThat(customers.get(0).getCompanyProfile().getDomain()).isEqualTo("a.onmicrosoft.com");
    assertThat(customers.get(0).getCompanyProfile().getCompanyName()).isEqualTo("Company a");
    assertThat(customers.get(0).getRelationshipToPartner()).isEqualTo("reseller");
    assertThat(customers.get(1).getRelationshipToPartner()).isEqualTo("distributor_of_tomorrow");
    assertThat(customers.get(1).getCompanyProfile().getTenantId()).isEqualTo("t");
  }

  @Test
  void aFollowUpPageThatFailsIsRetriedWithTheSameToken() throws InterruptedException {
    pc.enqueue(
        json(customersPage(NEXT_URI, "tok-1", "a")),
        new MockResponse().setResponseCode(500),
        new MockResponse().setResponseCode(204),
        json(customersPage(NEXT_URI, null, "b")));

    assertThat(listAll()).containsExactly("a", "b");

    pc.takeRequest();
    RecordedRequest failed = pc.takeRequest();
    RecordedRequest noContent = pc.takeRequest();
    RecordedRequest retried = pc.takeRequest();
    for (RecordedRequest r : List.of(failed, noContent, retried)) {
      assertThat(r.getHeader("MS-ContinuationToken")).isEqualTo("tok-1");
      assertThat(r.getHeader("MS-RequestId")).isEqualTo(failed.getHeader("MS-RequestId"));
    }
  }

  @Test
  void aNextLinkToAnotherHostIsRefusedAndTheTokenNeverSentThere() throws Exception {
    try (MockWebServer foreign = new MockWebServer()) {
      foreign.start();
      String uri = foreign.url("/v1/customers?size=500&seekOperation=Next").toString();
      pc.enqueue(json(customersPage(uri, "tok-1", "a")));

      PagingException e = thrown(PagingException.class, this::listAll);

      assertThat(e.getMessage()).startsWith("listing customers stopped").contains("another host");
      assertThat(foreign.getRequestCount()).isZero();
      assertThat(pc.server().getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void anEmptyTokenFailsInsteadOfRepeatingThePage() {
    pc.enqueue(json(customersPage(NEXT_URI, "", "a")), json(customersPage(NEXT_URI, "", "a")));

    PagingException e = thrown(PagingException.class, this::listAll);

    assertThat(e.getMessage()).contains("MS-ContinuationToken");
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRepeatedTokenFailsInsteadOfLooping() {
    for (int i = 0; i < 5; i++) {
      pc.enqueue(json(customersPage(NEXT_URI, "same", "c" + i)));
    }

    PagingException e = thrown(PagingException.class, this::listAll);

    assertThat(e.getMessage()).contains("already sent");
    assertThat(e.continuation()).isPresent();
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
  }
}
