package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.ErrorsTest.assertPartnerCenterError;
import static io.github.pcusage.sandbox.SandboxHttp.items;
import static io.github.pcusage.sandbox.SandboxHttp.json;
import static io.github.pcusage.sandbox.SandboxHttp.summary;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateCardTest {
  static final String OCTOBER = "start_time=2026-09-01T00:00:00Z&end_time=2026-12-01T00:00:00Z";

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(5).customers(2).recordsPerSubscription(400).build();

  static SandboxHttp http;

  @BeforeAll
  static void setUp() {
    http = new SandboxHttp(sandbox);
  }

  static JsonNode card(SandboxHttp client, String query, String... headers) {
    HttpResponse<byte[]> response = client.get("/v1/ratecards/azure" + query, headers);
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  static Set<String> meterIds(JsonNode card) {
    Set<String> ids = new HashSet<>();
    card.path("meters").forEach(m -> ids.add(m.path("id").asText().toLowerCase(Locale.ROOT)));
    return ids;
  }

  /** Every resource.id the records of the sandbox's legacy subscriptions use. */
  static Set<String> metersInUse(Sandbox running) {
    SandboxHttp client = new SandboxHttp(running);
    Set<String> ids = new TreeSet<>();
    for (String c : running.customerIds()) {
      for (String s : running.subscriptionIds(c)) {
        for (JsonNode r : items(client.walk(utilization(c, s, OCTOBER)))) {
          ids.add(r.path("resource").path("id").asText().toLowerCase(Locale.ROOT));
        }
      }
    }
    return ids;
  }

  @Test
  void cardPricesEveryMeterTheRecordsUse() {
    JsonNode card = card(http, "");
    Set<String> inUse = metersInUse(sandbox.sandbox());

    assertThat(inUse).hasSizeGreaterThan(10);
    assertThat(meterIds(card)).containsAll(inUse);
    assertThat(sandbox.sandbox().unpricedMeterIds()).isEmpty();
    assertThat(card.path("currency").asText()).isEqualTo("EUR");
    assertThat(card.path("locale").asText()).isEqualTo("en-US");
    assertThat(card.path("isTaxIncluded").asBoolean(true)).isFalse();
    assertThat(card.path("links").path("self").path("uri").asText()).isEqualTo("/ratecards/azure");
    assertThat(card.path("attributes").path("objectType").asText()).isEqualTo("AzureRateCard");
  }

  @Test
  void eachMeterHasTheExactUnitItsRecordsCarry() {
    JsonNode card = card(http, "");
    java.util.Map<String, String> units = new java.util.HashMap<>();
    card.path("meters").forEach(m -> units.put(m.path("id").asText(), m.path("unit").asText()));
    String c = sandbox.customerIds().get(1);
    int checked = 0;
    for (String s : sandbox.subscriptionIds(c)) {
      for (JsonNode r : items(http.walk(utilization(c, s, OCTOBER)))) {
        assertThat(units.get(r.path("resource").path("id").asText()))
            .isEqualTo(r.path("unit").asText());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(800);
  }

  @Test
  void unpricedMetersOptionLeavesThatManyMetersInUseOutButTheSummaryStillBillsThem() {
    try (Sandbox unpriced =
        Sandbox.builder()
            .seed(5)
            .customers(2)
            .recordsPerSubscription(400)
            .unpricedMeters(3)
            .start()) {
      Set<String> missing = new TreeSet<>(metersInUse(unpriced));
      missing.removeAll(meterIds(card(new SandboxHttp(unpriced), "")));

      assertThat(missing).hasSize(3);
      assertThat(new TreeSet<>(unpriced.unpricedMeterIds())).isEqualTo(missing);
      assertThat(meterIds(card(http, "")))
          .hasSize(meterIds(card(new SandboxHttp(unpriced), "")).size() + 3);
      String c = unpriced.customerIds().get(0);
      String s = unpriced.subscriptionIds(c).get(0);
      assertThat(json(new SandboxHttp(unpriced).get(summary(c, s))).path("totalCost"))
          .isEqualTo(json(http.get(summary(c, s))).path("totalCost"));
    }
  }

  @Test
  void cardHasGraduatedTiersIncludedQuantitiesAndAnOfferTerm() {
    JsonNode card = card(http, "");
    int tiered = 0;
    int withIncluded = 0;
    Set<String> keyForms = new TreeSet<>();
    Set<Boolean> zoned = new HashSet<>();
    for (JsonNode meter : card.path("meters")) {
      List<String> keys = new ArrayList<>();
      meter.path("rates").fieldNames().forEachRemaining(keys::add);
      assertThat(keys).first().isEqualTo("0");
      List<BigDecimal> bounds = new ArrayList<>();
      keys.forEach(k -> bounds.add(new BigDecimal(k)));
      assertThat(bounds).isSorted();
      Iterator<JsonNode> rates = meter.path("rates").elements();
      rates.forEachRemaining(r -> assertThat(r.decimalValue()).isNotNegative());
      if (keys.size() > 1) {
        tiered++;
        keyForms.addAll(keys.subList(1, keys.size()));
      }
      if (meter.path("includedQuantity").decimalValue().signum() > 0) {
        withIncluded++;
      }
      zoned.add(parsesWithOrWithoutZone(meter.path("effectiveDate").asText()));
      assertThat(meter.path("unit").asText()).isNotBlank();
      assertThat(meter.path("tags").isArray()).isTrue();
    }
    JsonNode term = card.path("offerTerms").get(0);

    assertThat(tiered).isGreaterThanOrEqualTo(3);
    assertThat(withIncluded).isGreaterThanOrEqualTo(1);
    assertThat(keyForms).anyMatch(k -> k.matches("[0-9]+\\.0{10}"));
    assertThat(zoned).containsExactlyInAnyOrder(true, false);
    assertThat(term.path("name").asText()).isEqualTo("Overage discount");
    assertThat(term.path("discount").decimalValue()).isEqualByComparingTo("0.15");
    assertThat(term.path("excludedMeterIds")).isNotEmpty();
    term.path("excludedMeterIds")
        .forEach(id -> assertThat(meterIds(card)).contains(id.asText().toLowerCase(Locale.ROOT)));
    assertThat(term.path("effectiveDate").asText()).isEqualTo("2014-01-01T00:00:00");
  }

  /** Returns true for a date with an offset, false for one without; fails for anything else. */
  private static boolean parsesWithOrWithoutZone(String date) {
    try {
      OffsetDateTime.parse(date);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      LocalDateTime.parse(date);
      return false;
    }
  }

  @Test
  void currencyConvertsThePricesAndTheLocaleIsEchoed() {
    JsonNode eur = card(http, "");
    JsonNode usd = card(http, "?currency=usd&region=us", "X-Locale", "de-DE");

    assertThat(usd.path("currency").asText()).isEqualTo("USD");
    assertThat(usd.path("locale").asText()).isEqualTo("de-DE");
    assertThat(meterIds(usd)).isEqualTo(meterIds(eur));
    BigDecimal eurRate = eur.path("meters").get(0).path("rates").path("0").decimalValue();
    BigDecimal usdRate = usd.path("meters").get(0).path("rates").path("0").decimalValue();
    assertThat(usdRate).isGreaterThan(eurRate);
    assertThat(card(http, "?region=FR").path("meters")).isEqualTo(eur.path("meters"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"?currency=XYZ", "?currency=EURO", "?currency=", "?region=ZZ", "?region=FRA"})
  void unsupportedCurrencyOrRegionIsBadRequest(String query) {
    assertPartnerCenterError(http.get("/v1/ratecards/azure" + query), 400, 800002);
  }

  @Test
  void tenThousandMeterCardIsServedWholeAndStablePerSeed() {
    try (Sandbox big =
            Sandbox.builder()
                .seed(5)
                .customers(2)
                .recordsPerSubscription(400)
                .rateCardMeters(10_000)
                .start();
        Sandbox again =
            Sandbox.builder()
                .seed(5)
                .customers(2)
                .recordsPerSubscription(400)
                .rateCardMeters(10_000)
                .start()) {
      HttpResponse<byte[]> response = new SandboxHttp(big).get("/v1/ratecards/azure");
      JsonNode card = json(response);

      assertThat(card.path("meters")).hasSize(10_000);
      assertThat(big.rateCardMeterCount()).isEqualTo(10_000);
      assertThat(meterIds(card)).hasSize(10_000).containsAll(metersInUse(sandbox.sandbox()));
      assertThat(response.body().length).isGreaterThan(2_000_000);
      assertThat(card.path("offerTerms").get(0).path("excludedMeterIds").size()).isGreaterThan(100);
      assertThat(new SandboxHttp(again).get("/v1/ratecards/azure").body())
          .isEqualTo(response.body());
    }
  }

  @Test
  void providerStatesFailTheNextCallsOfTheRateCardAndTheCustomerListing() {
    try (Sandbox states = Sandbox.builder().customers(2).recordsPerSubscription(0).start()) {
      SandboxHttp client = new SandboxHttp(states);
      states.scenarios().rateCardFailing(503, 1).customerListFailing(403, 2);

      HttpResponse<byte[]> unavailable = client.get("/v1/ratecards/azure");
      HttpResponse<byte[]> forbidden = client.get("/v1/customers");

      assertThat(unavailable.statusCode()).isEqualTo(503);
      assertThat(json(unavailable).has("code")).isFalse();
      states.scenarios().rateCardFailing(403, 1);
      assertPartnerCenterError(client.get("/v1/ratecards/azure"), 403, 800043);
      assertThat(forbidden.statusCode()).isEqualTo(403);
      assertThat(json(forbidden).has("code")).isFalse();
      assertThat(client.get("/v1/customers").statusCode()).isEqualTo(403);
      assertThat(client.get("/v1/customers").statusCode()).isEqualTo(200);
      assertThat(client.get("/v1/ratecards/azure").statusCode()).isEqualTo(200);
      states.scenarios().customerListFailing(400, 1);
      assertPartnerCenterError(client.get("/v1/customers"), 400, 800002);
      states.scenarios().subscriptionListFailing(states.customerIds().get(0), 404, 1);
      assertPartnerCenterError(
          client.get("/v1/customers/" + states.customerIds().get(0) + "/subscriptions"),
          404,
          20003);
      assertThat(
              client
                  .get("/v1/customers/" + states.customerIds().get(0) + "/subscriptions")
                  .statusCode())
          .isEqualTo(200);
    }
  }
}
