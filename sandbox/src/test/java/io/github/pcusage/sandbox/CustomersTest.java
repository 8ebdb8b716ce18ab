package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.ErrorsTest.assertPartnerCenterError;
import static io.github.pcusage.sandbox.SandboxHttp.items;
import static io.github.pcusage.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomersTest {
  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(7).customers(23).recordsPerSubscription(31).build();

  static SandboxHttp http;

  @BeforeAll
  static void setUp() {
    http = new SandboxHttp(sandbox);
  }

  static String filter(String field, String value) {
    String json =
        "{\"Field\":\"" + field + "\",\"Value\":\"" + value + "\",\"Operator\":\"starts_with\"}";
    return URLEncoder.encode(json, StandardCharsets.UTF_8);
  }

  static List<String> ids(List<JsonNode> customers) {
    List<String> ids = new ArrayList<>();
    customers.forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }

  private static JsonNode unpaged() {
    HttpResponse<byte[]> response = http.get("/v1/customers?size=500");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode page = json(response);
    assertThat(page.has("continuationToken")).isFalse();
    assertThat(page.path("links").has("next")).isFalse();
    return page;
  }

  @Test
  void unpagedListingHasEveryCustomerOfTheDataSetWithNamesAndDomains() {
    JsonNode page = unpaged();
    List<JsonNode> customers = items(List.of(page));

    assertThat(ids(customers)).isEqualTo(sandbox.customerIds());
    assertThat(page.path("totalCount").asInt()).isEqualTo(23);
    assertThat(page.path("attributes").path("objectType").asText()).isEqualTo("Collection");
    Set<String> names = new HashSet<>();
    Set<String> domains = new HashSet<>();
    for (JsonNode c : customers) {
      JsonNode profile = c.path("companyProfile");
      assertThat(profile.path("tenantId").asText()).isEqualTo(c.path("id").asText());
      assertThat(profile.path("domain").asText()).matches("[a-z0-9]+\\.onmicrosoft\\.com");
      assertThat(profile.path("companyName").asText()).isNotBlank();
      assertThat(profile.path("attributes").path("objectType").asText())
          .isEqualTo("CustomerCompanyProfile");
      assertThat(c.path("relationshipToPartner").asText()).isEqualTo("reseller");
      assertThat(c.path("links").path("self").path("uri").asText())
          .isEqualTo("/customers/" + c.path("id").asText());
      assertThat(c.path("attributes").path("objectType").asText()).isEqualTo("Customer");
      names.add(profile.path("companyName").asText());
      domains.add(profile.path("domain").asText());
    }
    assertThat(names).hasSize(23);
    assertThat(domains).hasSize(23);
    List<String> served = new ArrayList<>();
    customers.forEach(c -> served.add(c.path("companyProfile").path("companyName").asText()));
    assertThat(sandbox.sandbox().dataset().customers())
        .extracting(Customer::companyName)
        .isEqualTo(served);
  }

  @ParameterizedTest
  @EnumSource(NextLinkStyle.class)
  void pagingInEachLinkFormGivesTheUnpagedSet(NextLinkStyle style) {
    try (Sandbox styled =
        Sandbox.builder()
            .seed(7)
            .customers(23)
            .recordsPerSubscription(31)
            .nextLinkStyle(style)
            .start()) {
      List<JsonNode> pages = new SandboxHttp(styled).walk("/v1/customers?size=4");

      assertThat(pages).hasSize(6);
      assertThat(ids(items(pages))).isEqualTo(ids(items(List.of(unpaged()))));
      for (int i = 0; i < pages.size() - 1; i++) {
        JsonNode page = pages.get(i);
        JsonNode next = page.path("links").path("next");
        String expectedPrefix =
            style == NextLinkStyle.V1 ? "/v1/" : style == NextLinkStyle.LEADING_SLASH ? "/" : "";
        assertThat(next.path("uri").asText())
            .isEqualTo(expectedPrefix + "customers?size=4&seekOperation=Next");
        assertThat(next.path("headers").get(0).path("key").asText())
            .isEqualTo("MS-ContinuationToken");
        assertThat(next.path("headers").get(0).path("value").asText())
            .isEqualTo(page.path("continuationToken").asText())
            .startsWith("+RID:~")
            .contains("=");
        assertThat(page.path("items")).hasSize(4);
      }
      JsonNode last = pages.get(pages.size() - 1);
      assertThat(last.path("items")).hasSize(3);
      assertThat(last.has("continuationToken")).isFalse();
      assertThat(last.path("links").has("next")).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "seekOperation=Next",
        "seekOperation=next",
        "seek_operation=NEXT",
        "SEEKOPERATION=nExT"
      })
  void followUpAcceptsBothSpellingsAndAnyCaseWithTheBodyToken(String seek) {
    JsonNode first = json(http.get("/v1/customers?size=10"));
    String token = first.path("continuationToken").asText();

    // As Microsoft's NCE tool does: its own first URL plus the seek parameter, the body token.
    HttpResponse<byte[]> second =
        http.get("/v1/customers?size=10&" + seek, "MS-ContinuationToken", token);

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(ids(items(List.of(json(second))))).isEqualTo(sandbox.customerIds().subList(10, 20));
  }

  @Test
  void followUpNeedsTheTokenByteForByteInTheHeader() {
    String token = json(http.get("/v1/customers?size=5")).path("continuationToken").asText();

    assertPartnerCenterError(http.get("/v1/customers?size=5&seekOperation=Next"), 400, 800002);
    assertPartnerCenterError(
        http.get(
            "/v1/customers?size=5&seekOperation=Next&continuationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)),
        400,
        800002);
    assertPartnerCenterError(
        http.get(
            "/v1/customers?seekOperation=Next",
            "MS-ContinuationToken",
            URLEncoder.encode(token, StandardCharsets.UTF_8)),
        400,
        800002);
    assertPartnerCenterError(
        http.get("/v1/customers?seekOperation=Previous", "MS-ContinuationToken", token),
        400,
        800002);
  }

  @ParameterizedTest
  @ValueSource(strings = {"501", "-1", "ten", "1.5"})
  void sizeOutsideOneToFiveHundredIsBadRequest(String size) {
    assertPartnerCenterError(http.get("/v1/customers?size=" + size), 400, 800002);
  }

  @Test
  void sizeAbsentOrZeroIsTheServersDefaultOfFiveHundred() {
    assertThat(json(http.get("/v1/customers")).path("items")).hasSize(23);
    assertThat(
            json(http.get("/v1/customers?size=0")).path("links").path("self").path("uri").asText())
        .isEqualTo("customers?size=500");
  }

  @Test
  void filterMatchesAPrefixOfTheCompanyNameOrTheDomainInAnyCase() {
    List<Customer> all = sandbox.sandbox().dataset().customers();
    String name = all.get(5).companyName();
    String namePrefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
    String domainPrefix = all.get(9).domain().substring(0, 4).toUpperCase(Locale.ROOT);
    List<String> byName = new ArrayList<>();
    List<String> byDomain = new ArrayList<>();
    for (Customer c : all) {
      if (c.companyName().toLowerCase(Locale.ROOT).startsWith(namePrefix)) {
        byName.add(c.id());
      }
      if (c.domain().toUpperCase(Locale.ROOT).startsWith(domainPrefix)) {
        byDomain.add(c.id());
      }
    }

    List<JsonNode> names =
        http.walk("/v1/customers?size=1&filter=" + filter("CompanyName", namePrefix));
    List<JsonNode> domains = http.walk("/v1/customers?filter=" + filter("domain", domainPrefix));

    assertThat(byName).contains(all.get(5).id());
    assertThat(ids(items(names))).isEqualTo(byName);
    assertThat(names).hasSize(byName.size());
    assertThat(byDomain).contains(all.get(9).id());
    assertThat(ids(items(domains))).isEqualTo(byDomain);
  }

  @Test
  void filterThatMatchesNoneIsAnEmptyPage() {
    for (String filter :
        List.of(
            filter("CompanyName", "zzz-nobody"),
            filter("IndirectReseller", ""),
            filter("IndirectCloudSolutionProvider", "a"))) {
      JsonNode page = json(http.get("/v1/customers?filter=" + filter));

      assertThat(page.path("items")).isEmpty();
      assertThat(page.path("totalCount").asInt()).isZero();
      assertThat(page.path("links").has("next")).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"Field\":\"Country\",\"Value\":\"a\",\"Operator\":\"starts_with\"}",
        "{\"Field\":\"CompanyName\",\"Value\":\"a\",\"Operator\":\"contains\"}",
        "{\"Field\":\"CompanyName\",\"Value\":\"a\"}",
        "{\"Field\":\"CompanyName\",\"Value\":1,\"Operator\":\"starts_with\"}",
        "[]"
      })
  void malformedFilterIsBadRequest(String filter) {
    assertPartnerCenterError(
        http.get("/v1/customers?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)),
        400,
        800002);
  }

  @Test
  void code2000OptionEndsTheListingWithABadRequestAfterTheLastPage() {
    try (Sandbox quirky =
        Sandbox.builder().seed(7).customers(23).endCustomerListWithCode2000(true).start()) {
      SandboxHttp client = new SandboxHttp(quirky);
      List<String> seen = new ArrayList<>();
      JsonNode page = json(client.get("/v1/customers?size=10"));
      int pages = 1;
      HttpResponse<byte[]> response;
      while (true) {
        seen.addAll(ids(items(List.of(page))));
        assertThat(page.path("links").has("next")).as("every page has a next link").isTrue();
        response = client.next(page);
        if (response.statusCode() != 200) {
          break;
        }
        page = json(response);
        pages++;
      }

      assertThat(pages).isEqualTo(3);
      assertPartnerCenterError(response, 400, 2000);
      assertThat(seen).isEqualTo(quirky.customerIds());
      JsonNode empty =
          json(client.get("/v1/customers?filter=" + filter("CompanyName", "zzz-nobody")));
      assertThat(empty.path("items")).isEmpty();
      assertThat(empty.path("links").has("next")).isFalse();
    }
  }

  @Test
  void customersAreStablePerSeed() {
    try (Sandbox same = sandbox.newSandbox();
        Sandbox other = Sandbox.builder().seed(8).customers(23).start()) {
      byte[] first = http.get("/v1/customers?size=7").body();

      assertThat(new SandboxHttp(same).get("/v1/customers?size=7").body()).isEqualTo(first);
      assertThat(new SandboxHttp(other).get("/v1/customers?size=7").body()).isNotEqualTo(first);
    }
  }

  @Test
  void seed42CustomersKeepTheirIds() {
    try (Sandbox standard = Sandbox.builder().recordsPerSubscription(0).start()) {
      assertThat(ids(items(List.of(json(new SandboxHttp(standard).get("/v1/customers"))))))
          .startsWith("d5c78f49-92fc-36ae-acf1-b5cc3aaa9dbd")
          .isEqualTo(standard.customerIds());
    }
  }
}
