package io.github.pcusage.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcusage.CustomerQuery;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RateCardQuery;
import io.github.pcusage.testing.MockPartnerCenter;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the customer, subscription and rate card calls fails with IllegalArgumentException
 * naming the field, before any request is sent.
 */
class DiscoveryValidationTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.pcusage.client.ValidationTest#badIds")
  void refusesABadCustomerIdBeforeAnyRequest(String why, String id) {
    try (PartnerCenterClient client = pc.client().build()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> client.subscriptions(id))
          .withMessageContaining("customerId");
    }
    assertThat(pc.server().getRequestCount()).isZero();
  }

  @ParameterizedTest(name = "pageSize {0}")
  @ValueSource(ints = {0, -1, 501, Integer.MAX_VALUE})
  void refusesAPageSizeOutsideOneTo500(int size) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CustomerQuery.builder().pageSize(size).build())
        .withMessage("pageSize is " + size + ": use a page size from 1 to 500");
  }

  @Test
  void acceptsPageSizesOneAnd500() {
    assertThat(CustomerQuery.builder().pageSize(1).build().pageSize()).isEqualTo(1);
    assertThat(CustomerQuery.builder().build().pageSize()).isEqualTo(500);
  }

  @Test
  void refusesBothPrefixesAtOnce() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                CustomerQuery.builder()
                    .companyNameStartsWith("Contoso")
                    .domainStartsWith("contoso")
                    .build())
        .withMessageContaining("companyNameStartsWith")
        .withMessageContaining("domainStartsWith");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "   ", "Contoso\n"})
  void refusesABlankOrControlPrefix(String prefix) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CustomerQuery.builder().companyNameStartsWith(prefix).build())
        .withMessageContaining("companyNameStartsWith");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CustomerQuery.builder().domainStartsWith(prefix).build())
        .withMessageContaining("domainStartsWith");
  }

  static Stream<String> badCurrencies() {
    return Stream.of("", "EU", "EURO", "E1R", "€UR", " EUR");
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("badCurrencies")
  void refusesACurrencyThatIsNotThreeLetters(String currency) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RateCardQuery.builder().currency(currency).build())
        .withMessageStartingWith("currency '")
        .withMessageContaining("3 letters");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "D", "DEU", "D1", "eu-west"})
  void refusesARegionThatIsNotTwoLetters(String region) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RateCardQuery.builder().region(region).build())
        .withMessageStartingWith("region '")
        .withMessageContaining("2 letters");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "de_DE", "de-DE\r\nX: 1", "d"})
  void refusesALocaleThatIsNotALanguageTag(String locale) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RateCardQuery.builder().locale(locale).build())
        .withMessageStartingWith("locale '");
  }

  @Test
  void rateCardQueryUpperCasesCodesAndLeavesUnsetOnesOut() {
    RateCardQuery query = RateCardQuery.builder().currency("eur").region("de").build();

    assertThat(query.currency()).isEqualTo("EUR");
    assertThat(query.region()).isEqualTo("DE");
    assertThat(query.locale()).isNull();
    assertThat(RateCardQuery.builder().build().currency()).isNull();
  }

  @Test
  void refusesANonPositiveRateCardReadTimeout() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> pc.client().rateCardReadTimeout(Duration.ZERO))
        .withMessageContaining("rateCardReadTimeout");
  }
}
