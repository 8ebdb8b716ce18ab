package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RateCardQuery;
import io.github.pcusage.TransportException;
import io.github.pcusage.model.AzureMeter;
import io.github.pcusage.model.AzureOfferTerm;
import io.github.pcusage.model.AzureRateCard;
import io.github.pcusage.testing.MockPartnerCenter;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Azure rate card ({@code GET /v1/ratecards/azure}): a large, slow, exact object. */
class RateCardTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static final int METERS = 10_000;

  static String meterId(int i) {
    return String.format(Locale.ROOT, "%08x-0000-4c1a-9d3e-%012x", i * 7919, i);
  }

  /**
   * Meter {@code i}: every third meter graduated (tiers from "0" to "51200.0000000000"), every
   * fifth with an effective date without offset, every seventh with an included quantity, and
   * fields the SDK does not know.
   */
  static String meter(int i) {
    String rates =
        i % 3 == 0
            ? "{\"0\":0.0,\"5\":0.0736,\"10240.0000000000\":0.0702,\"51200.0000000000\":0.05980000000000000001}"
            : "{\"0\":" + i + ".0964}";
    return "{\"id\":\""
        + meterId(i)
        + "\",\"name\":\"Meter "
        + i
        + "\",\"rates\":"
        + rates
        + ",\"tags\":[],\"category\":\"Category "
        + (i % 12)
        + "\",\"subcategory\":\"\",\"region\":\""
        + (i % 2 == 0 ? "EU West" : "")
        + "\",\"unit\":\"1 Hour\",\"includedQuantity\":"
        + (i % 7 == 0 ? "50.0" : "0.0")
        + ",\"effectiveDate\":\""
        + (i % 5 == 0 ? "2014-01-01T00:00:00" : "2020-05-01T00:00:00+02:00")
        + "\",\"meterStatus\":\"Active\",\"futureThing\":{\"a\":[1,2,{\"b\":null}]}}";
  }

  static String card(int meters) {
    StringBuilder json =
        new StringBuilder(
            "{\"locale\":\"de-DE\",\"currency\":\"EUR\",\"isTaxIncluded\":false,\"meters\":[");
    for (int i = 0; i < meters; i++) {
      json.append(i == 0 ? "" : ",").append(meter(i));
    }
    json.append("],\"offerTerms\":[{\"name\":\"Overage discount\",\"discount\":0.15,")
        .append("\"excludedMeterIds\":[");
    for (int i = 0; i < 150; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(meterId(i * 3)).append('"');
    }
    json.append("],\"effectiveDate\":\"2014-01-01T00:00:00\",\"unknown\":true}],")
        .append("\"links\":{\"self\":{\"uri\":\"/ratecards/azure\",\"method\":\"GET\",")
        .append("\"headers\":[]}},\"attributes\":{\"objectType\":\"AzureRateCard\"},")
        .append("\"notYetDocumented\":[\"x\"]}");
    return json.toString();
  }

  @Test
  void decodesACardOfTenThousandMetersWithExactPricesAndZonelessDatesAsUtc() {
    String body = card(METERS);
    assertThat(body.length()).isGreaterThan(3_000_000);
    pc.enqueue(json(body));

    AzureRateCard card;
    try (PartnerCenterClient client = pc.client().build()) {
      card = client.azureRateCard();
    }

    assertThat(card.getMeters()).hasSize(METERS);
    assertThat(card.getCurrency()).isEqualTo("EUR");
    assertThat(card.getLocale()).isEqualTo("de-DE");
    assertThat(card.getIsTaxIncluded()).isFalse();
    AzureMeter tiered = card.getMeters().get(9_999);
    assertThat(tiered.getId()).isEqualTo(meterId(9_999));
    assertThat(tiered.getRates())
        .containsExactly(
            Map.entry("0", new BigDecimal("0.0")),
            Map.entry("5", new BigDecimal("0.0736")),
            Map.entry("10240.0000000000", new BigDecimal("0.0702")),
            Map.entry("51200.0000000000", new BigDecimal("0.05980000000000000001")));
    AzureMeter flat = card.getMeters().get(9_998);
    assertThat(flat.getRates()).containsExactly(Map.entry("0", new BigDecimal("9998.0964")));
    assertThat(flat.getRegion()).isEqualTo("EU West");
    assertThat(card.getMeters().get(9_997).getRegion()).isEmpty();
    assertThat(card.getMeters().get(7).getIncludedQuantity()).isEqualByComparingTo("50");
    assertThat(card.getMeters().get(5).getEffectiveDate())
        .isEqualTo(OffsetDateTime.parse("2014-01-01T00:00:00Z"));
    assertThat(card.getMeters().get(1).getEffectiveDate())
        .isEqualTo(OffsetDateTime.parse("2020-05-01T00:00:00+02:00"));
    AzureOfferTerm term = card.getOfferTerms().get(0);
    assertThat(term.getDiscount()).isEqualTo(new BigDecimal("0.15"));
    assertThat(term.getExcludedMeterIds()).hasSize(150).startsWith(meterId(0), meterId(3));
    assertThat(term.getEffectiveDate()).isEqualTo(OffsetDateTime.parse("2014-01-01T00:00:00Z"));
  }

  @Test
  void sendsCurrencyRegionAndLocaleForThisCallOnly() throws InterruptedException {
    pc.enqueue(json(card(2)), json(card(1)));

    try (PartnerCenterClient client = pc.client().locale("fr-FR").build()) {
      client.azureRateCard(
          RateCardQuery.builder().currency("eur").region("de").locale("de-DE").build());
      client.azureRateCard();
    }

    RecordedRequest chosen = pc.takeRequest();
    assertThat(chosen.getPath()).isEqualTo("/v1/ratecards/azure?currency=EUR&region=DE");
    assertThat(chosen.getHeaders().values("X-Locale")).containsExactly("de-DE");
    RecordedRequest defaults = pc.takeRequest();
    assertThat(defaults.getPath()).isEqualTo("/v1/ratecards/azure");
    assertThat(defaults.getHeaders().values("X-Locale")).containsExactly("fr-FR");
  }

  @Test
  void aTimedOutCardCallIsRetriedOnce() throws InterruptedException {
    pc.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE), json(card(3)));

    AzureRateCard card;
    try (PartnerCenterClient client =
        pc.client().rateCardReadTimeout(Duration.ofMillis(200)).build()) {
      card = client.azureRateCard();
    }

    assertThat(card.getMeters()).hasSize(3);
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
    String requestId = pc.takeRequest().getHeader("MS-RequestId");
    assertThat(pc.takeRequest().getHeader("MS-RequestId")).isEqualTo(requestId);
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aCardCallThatTimesOutTwiceFailsWithoutAThirdAttempt() {
    pc.enqueue(
        new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE),
        new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE),
        json(card(1)));

    TransportException e =
        thrown(
            TransportException.class,
            () -> {
              try (PartnerCenterClient client =
                  pc.client().rateCardReadTimeout(Duration.ofMillis(200)).build()) {
                client.azureRateCard();
              }
            });

    assertThat(pc.server().getRequestCount()).isEqualTo(2);
    assertThat(e.getMessage()).contains("GET Azure rate card").contains("2 attempt(s) failed");
    assertThat(e.getCause()).hasCauseInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void theCardWaitsWithItsOwnReadTimeoutNotTheClients() {
    pc.enqueue(json(card(4)).setHeadersDelay(600, java.util.concurrent.TimeUnit.MILLISECONDS));

    AzureRateCard card;
    try (PartnerCenterClient client =
        pc.client()
            .readTimeout(Duration.ofMillis(100))
            .rateCardReadTimeout(Duration.ofSeconds(30))
            .build()) {
      card = client.azureRateCard();
    }

    assertThat(card.getMeters()).hasSize(4);
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }
}
