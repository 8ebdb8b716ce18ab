package io.github.pcusage.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcusage.Continuation;
import org.junit.jupiter.api.Test;

/** The saved form of a continuation, and its redacted description. */
class ContinuationFormTest {
  /**
   * Written by {@code Continuation.toString()} of the SDK before {@code encode()} existed: a next
   * page of customer contoso-customer, subscription legacy-subscription-1, correlation corr-7, from
   * 2026-10-01T00:00Z to 2026-11-01T00:00+02:00, hourly, no details, size 500, token tok+en/1==.
   */
  static final String NEXT_PAGE =
      "pcu1.eyJjIjoiY29udG9zby1jdXN0b21lciIsInMiOiJsZWdhY3ktc3Vic2NyaXB0aW9uLTEiLCJyIjoiY29yci03IiwiZnJvbSI6IjIwMjYtMTAtMDFUMDA6MDBaIiwidG8iOiIyMDI2LTExLTAxVDAwOjAwKzAyOjAwIiwiZyI6ImhvdXJseSIsImQiOmZhbHNlLCJuIjo1MDAsInUiOiJjdXN0b21lcnMvY29udG9zby1jdXN0b21lci9zdWJzY3JpcHRpb25zL2xlZ2FjeS1zdWJzY3JpcHRpb24tMS91dGlsaXphdGlvbnMvYXp1cmU_c2Vla19vcGVyYXRpb249TmV4dCIsImgiOltbIk1TLUNvbnRpbnVhdGlvblRva2VuIiwidG9rK2VuLzE9PSJdLFsiWC1FeHRyYSIsIiJdXX0";

  /** Written by the same code: the first page of a default query, no correlation id. */
  static final String FIRST_PAGE =
      "pcu1.eyJjIjoiY29udG9zby1jdXN0b21lciIsInMiOiJsZWdhY3ktc3Vic2NyaXB0aW9uLTEiLCJmcm9tIjoiMjAyNi0xMC0wMVQwMDowMFoiLCJ0byI6IjIwMjYtMTEtMDFUMDA6MDBaIiwiZyI6ImRhaWx5IiwiZCI6dHJ1ZSwibiI6MTAwMH0";

  /**
   * The customer listing's form (issue 15): a next page of the listing filtered by domain prefix
   * contoso, pages of 2, correlation corr-7, token tok+/=. Pinned so that later versions read it.
   */
  static final String CUSTOMERS_NEXT_PAGE =
      "pcu1.eyJrIjoiY3UiLCJyIjoiY29yci03IiwibiI6MiwiZiI6IkRvbWFpbiIsInYiOiJjb250b3NvIiwidSI6ImN1c3RvbWVycz9zaXplPTImc2Vla09wZXJhdGlvbj1OZXh0IiwiaCI6W1siTVMtQ29udGludWF0aW9uVG9rZW4iLCJ0b2srLz0iXV19";

  @Test
  void theCustomerListingsFormParsesAndEncodesTheSame() {
    Continuation next = Continuation.parse(CUSTOMERS_NEXT_PAGE);

    assertThat(next.customerId()).isNull();
    assertThat(next.subscriptionId()).isNull();
    assertThat(next.isFirstPage()).isFalse();
    assertThat(next.encode()).isEqualTo(CUSTOMERS_NEXT_PAGE);
    assertThat(next.toString())
        .isEqualTo("Continuation{customers, next page, continuation token REDACTED}");
    assertThat(next).isNotEqualTo(Continuation.parse(NEXT_PAGE));
  }

  @Test
  void stringsSavedByEarlierVersionsStillParseAndEncodeTheSame() {
    Continuation next = Continuation.parse(NEXT_PAGE);
    Continuation first = Continuation.parse(FIRST_PAGE);

    assertThat(next.customerId()).isEqualTo("contoso-customer");
    assertThat(next.subscriptionId()).isEqualTo("legacy-subscription-1");
    assertThat(next.isFirstPage()).isFalse();
    assertThat(first.isFirstPage()).isTrue();
    assertThat(next.encode()).isEqualTo(NEXT_PAGE);
    assertThat(first.encode()).isEqualTo(FIRST_PAGE);
  }

  @Test
  void toStringLeavesTheTokenAndTheNextLinksQueryOut() {
    String text = Continuation.parse(NEXT_PAGE).toString();

    assertThat(text)
        .contains("contoso-customer", "legacy-subscription-1", "next page")
        .doesNotContain("tok+en", "seek_operation", "pcu1.", "corr-7");
  }

  @Test
  void parsingARedactedDescriptionFailsNamingEncode() {
    String redacted = Continuation.parse(NEXT_PAGE).toString();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Continuation.parse(redacted))
        .withMessageContaining("encode()");
  }

  @Test
  void equalityIsFieldByField() {
    Continuation next = Continuation.parse(NEXT_PAGE);

    assertThat(Continuation.parse(NEXT_PAGE)).isEqualTo(next).hasSameHashCodeAs(next);
    assertThat(Continuation.parse(FIRST_PAGE)).isNotEqualTo(next);
  }
}
