package io.github.pcusage.contract;

import static io.github.pcusage.contract.Contracts.CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.Matchers;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.pcusage.BadRequestException;
import io.github.pcusage.ForbiddenException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.RateCardQuery;
import io.github.pcusage.ServerException;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.model.AzureMeter;
import io.github.pcusage.model.AzureOfferTerm;
import io.github.pcusage.model.AzureRateCard;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the SDK expects of {@code GET /v1/ratecards/azure}: one unpaged card, and its failures. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = Contracts.PROVIDER,
    pactVersion = PactSpecVersion.V4,
    hostInterface = "127.0.0.1")
class RateCardConsumerPactTest {
  private static final String METER = "2b7c1f0e-0000-4c1a-9d3e-000000000aa1";

  private static PactDslRequestWithPath request(
      PactDslWithProvider builder, String state, Map<String, Object> params, String what) {
    return Contracts.trackingHeaders(
        builder
            .given(state, params)
            .uponReceiving(what)
            .method("GET")
            .path(DiscoveryContracts.RATE_CARD_PATH));
  }

  /**
   * A card: every meter has tiers keyed by decimal strings and priced by numbers, an included
   * quantity and a date with an offset; the offer term's date has none, as the documentation shows.
   */
  static DslPart card(String currency, String locale) {
    return LambdaDsl.newJsonBody(
            card -> {
              card.stringMatcher("locale", "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?", locale);
              card.stringMatcher("currency", "[A-Z]{3}", currency);
              card.booleanType("isTaxIncluded", false);
              card.minArrayLike(
                  "meters",
                  1,
                  1,
                  meter -> {
                    meter.stringMatcher("id", Contracts.UUID, METER);
                    meter.stringType("name", "Data Transfer Out (GB)");
                    meter.object(
                        "rates",
                        rates -> {
                          rates.eachKeyMatching(Matchers.regexp(DiscoveryContracts.TIER_KEY, "0"));
                          rates.eachKeyLike("0", PactDslJsonRootValue.numberType(0.087));
                          rates.numberType("5", new BigDecimal("0.0736"));
                          rates.numberType("10240.0000000000", new BigDecimal("0.0702"));
                          rates.numberType("51200.0000000000", new BigDecimal("0.0598"));
                        });
                    meter.minArrayLike(
                        "tags", 0, PactDslJsonRootValue.stringType("Third Party"), 0);
                    meter.stringType("category", "Networking");
                    meter.stringType("subcategory", "");
                    meter.stringType("region", "Zone 1");
                    meter.stringType("unit", "1 GB");
                    meter.numberType("includedQuantity", new BigDecimal("5.0"));
                    meter.stringMatcher(
                        "effectiveDate",
                        DiscoveryContracts.LENIENT_DATE_TIME,
                        "2020-05-01T00:00:00Z");
                  });
              card.minArrayLike(
                  "offerTerms",
                  1,
                  1,
                  term -> {
                    term.stringType("name", "Overage discount");
                    term.numberType("discount", new BigDecimal("0.15"));
                    term.minArrayLike(
                        "excludedMeterIds",
                        1,
                        PactDslJsonRootValue.stringMatcher(Contracts.UUID, METER),
                        1);
                    term.stringMatcher(
                        "effectiveDate",
                        DiscoveryContracts.LENIENT_DATE_TIME,
                        "2014-01-01T00:00:00");
                  });
              card.object("attributes", a -> a.stringValue("objectType", "AzureRateCard"));
            })
        .build();
  }

  @Pact(consumer = CONSUMER)
  V4Pact cardOfThePartnersMarket(PactDslWithProvider builder) {
    return DiscoveryContracts.json(
            request(
                    builder,
                    DiscoveryContracts.RATE_CARD,
                    Map.of(),
                    "the partner market's rate card")
                .willRespondWith()
                .status(200))
        .body(card("EUR", "en-US"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cardOfThePartnersMarket")
  void readsTiersIncludedQuantityAndDatesWithAndWithoutZone(MockServer server) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      AzureRateCard card = client.azureRateCard();

      AzureMeter meter = card.getMeters().get(0);
      assertThat(meter.getRates().keySet())
          .containsExactlyInAnyOrder("0", "5", "10240.0000000000", "51200.0000000000");
      assertThat(meter.getRates().get("51200.0000000000").toPlainString()).isEqualTo("0.0598");
      assertThat(meter.getIncludedQuantity()).isEqualByComparingTo("5");
      assertThat(meter.getEffectiveDate()).isEqualTo(OffsetDateTime.parse("2020-05-01T00:00:00Z"));
      AzureOfferTerm term = card.getOfferTerms().get(0);
      assertThat(term.getDiscount()).isEqualByComparingTo("0.15");
      assertThat(term.getExcludedMeterIds()).containsExactly(METER);
      assertThat(term.getEffectiveDate()).isEqualTo(OffsetDateTime.parse("2014-01-01T00:00:00Z"));
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact cardInACurrencyMarketAndLanguage(PactDslWithProvider builder) {
    return DiscoveryContracts.json(
            request(
                    builder,
                    DiscoveryContracts.RATE_CARD,
                    Map.of(),
                    "the rate card in EUR for the German market, in German")
                .matchQuery("currency", "[A-Za-z]{3}", "EUR")
                .matchQuery("region", "[A-Za-z]{2}", "DE")
                .matchHeader("X-Locale", "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?", "de-DE")
                .willRespondWith()
                .status(200))
        .body(card("EUR", "de-DE"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cardInACurrencyMarketAndLanguage")
  void sendsCurrencyRegionAndLocale(MockServer server) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      AzureRateCard card =
          client.azureRateCard(
              RateCardQuery.builder().currency("EUR").region("DE").locale("de-DE").build());
      assertThat(card.getCurrency()).isEqualTo("EUR");
      assertThat(card.getLocale()).isEqualTo("de-DE");
    }
  }

  private static V4Pact failing(PactDslWithProvider builder, DiscoveryContracts.Failure failure) {
    PactDslResponse response =
        request(
                builder,
                DiscoveryContracts.RATE_CARD_FAILS,
                Map.of("status", failure.status()),
                "a rate card request that fails with " + failure.status())
            .willRespondWith()
            .status(failure.status())
            .matchHeader("MS-RequestId", Contracts.UUID, DiscoveryContracts.REQUEST_ID);
    if (failure.retryAfter()) {
      response = response.matchHeader("Retry-After", "\\d+", "1");
    }
    return DiscoveryContracts.json(response).body(failure.body()).toPact(V4Pact.class);
  }

  private static <T extends PartnerCenterException> T cardFails(MockServer server, Class<T> type) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      T thrown = catchThrowableOfType(type, client::azureRateCard);
      assertThat(thrown).as("expected " + type.getSimpleName()).isNotNull();
      assertThat(thrown.requestId()).isEqualTo(DiscoveryContracts.REQUEST_ID);
      return thrown;
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact badRequest(PactDslWithProvider builder) {
    return failing(
        builder, new DiscoveryContracts.Failure(400, 800002, "The request input is not valid."));
  }

  @Test
  @PactTestFor(pactMethod = "badRequest")
  void badRequestCarriesCode(MockServer server) {
    assertThat(cardFails(server, BadRequestException.class).errorCode()).isEqualTo("800002");
  }

  @Pact(consumer = CONSUMER)
  V4Pact unauthorized(PactDslWithProvider builder) {
    return failing(
        builder, new DiscoveryContracts.Failure(401, "900420", "Authentication failed."));
  }

  @Test
  @PactTestFor(pactMethod = "unauthorized")
  void unauthorizedCarriesTheStringCode(MockServer server) {
    assertThat(cardFails(server, UnauthorizedException.class).errorCode()).isEqualTo("900420");
  }

  @Pact(consumer = CONSUMER)
  V4Pact forbidden(PactDslWithProvider builder) {
    return failing(
        builder,
        new DiscoveryContracts.Failure(
            403, 800043, "Access to pricing information is not granted."));
  }

  @Test
  @PactTestFor(pactMethod = "forbidden")
  void forbiddenCarriesCode(MockServer server) {
    assertThat(cardFails(server, ForbiddenException.class).errorCode()).isEqualTo("800043");
  }

  @Pact(consumer = CONSUMER)
  V4Pact throttled(PactDslWithProvider builder) {
    return failing(builder, new DiscoveryContracts.Failure(429, null, null));
  }

  @Test
  @PactTestFor(pactMethod = "throttled")
  void throttledCarriesRetryAfter(MockServer server) {
    assertThat(cardFails(server, ThrottledException.class).retryAfter())
        .contains(Duration.ofSeconds(1));
  }

  @Pact(consumer = CONSUMER)
  V4Pact serverError(PactDslWithProvider builder) {
    return failing(
        builder,
        new DiscoveryContracts.Failure(500, 800003, "An unexpected service error occurred."));
  }

  @Test
  @PactTestFor(pactMethod = "serverError")
  void serverErrorCarriesCode(MockServer server) {
    assertThat(cardFails(server, ServerException.class).errorCode()).isEqualTo("800003");
  }

  @Pact(consumer = CONSUMER)
  V4Pact unavailable(PactDslWithProvider builder) {
    return failing(
        builder,
        new DiscoveryContracts.Failure(
            503, null, "The service is temporarily unavailable. Please try again later."));
  }

  @Test
  @PactTestFor(pactMethod = "unavailable")
  void unavailableWithoutACode(MockServer server) {
    ServerException e = cardFails(server, ServerException.class);
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.errorCode()).isNull();
  }
}
