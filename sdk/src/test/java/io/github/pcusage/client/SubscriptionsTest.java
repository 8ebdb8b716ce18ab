package io.github.pcusage.client;

import static io.github.pcusage.client.DiscoveryData.subscription;
import static io.github.pcusage.client.DiscoveryData.subscriptions;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.next;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.NotFoundException;
import io.github.pcusage.PagingException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.SubscriptionKind;
import io.github.pcusage.model.Subscription;
import io.github.pcusage.testing.MockPartnerCenter;
import java.time.OffsetDateTime;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A customer's subscriptions ({@code GET /v1/customers/{id}/subscriptions}) and their kinds. */
class SubscriptionsTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private List<Subscription> subscriptionsOf(String customerId) {
    try (PartnerCenterClient client = pc.client().build()) {
      return client.subscriptions(customerId);
    }
  }

  @Test
  void listsEveryKindInOneRequestIgnoringUnknownFieldsAndValues() throws InterruptedException {
    pc.enqueue(
        json(
            subscriptions(
                null,
                subscription("s-legacy", "MS-AZR-0145P", "active"),
                subscription("s-plan", "DZH318Z0BPS6:0001:DZH318Z0BML6", "active"),
                subscription("s-licence", "031C9E47-4802-4248-838E-778FB1D2CC05", "expired"),
                subscription("s-nce", "CFQ7TTC0LH18:0001:CFQ7TTC0K8P5", "someFutureStatus"))));

    List<Subscription> subs = subscriptionsOf("contoso-customer");

    assertThat(subs)
        .extracting(Subscription::getId)
        .containsExactly("s-legacy", "s-plan", "s-licence", "s-nce");
    assertThat(subs)
        .extracting(SubscriptionKind::of)
        .containsExactly(
            SubscriptionKind.SERVED,
            SubscriptionKind.AZURE_PLAN,
            SubscriptionKind.LICENCE,
            SubscriptionKind.NEW_COMMERCE);
    Subscription legacy = subs.get(0);
    assertThat(legacy.getStatus()).isEqualTo("active");
    assertThat(legacy.getBillingCycle()).isEqualTo("fortnightly");
    assertThat(legacy.getQuantity()).isEqualTo(1);
    assertThat(legacy.getAutoRenewEnabled()).isFalse();
    assertThat(legacy.getEffectiveStartDate())
        .isEqualTo(OffsetDateTime.parse("2019-03-04T00:00:00Z"));
    assertThat(legacy.getCreationDate())
        .isEqualTo(OffsetDateTime.parse("2019-03-04T10:11:12.123Z"));
    assertThat(subs.get(3).getStatus()).isEqualTo("someFutureStatus");
    RecordedRequest request = pc.takeRequest();
    assertThat(request.getPath()).isEqualTo("/v1/customers/contoso-customer/subscriptions");
    assertThat(request.getHeader("MS-RequestId")).isNotBlank();
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void aResponseWithANextLinkFailsRatherThanDroppingPages() {
    pc.enqueue(
        json(
            subscriptions(
                next("customers/C/subscriptions?seek=1", "MS-ContinuationToken", "tok"),
                subscription("s1", "MS-AZR-0145P", "active"))));

    PagingException e = thrown(PagingException.class, () -> subscriptionsOf("C"));

    assertThat(e.getMessage())
        .startsWith("listing the subscriptions of customer C stopped")
        .contains("not paged")
        .doesNotContain("tok");
    assertThat(e.continuation()).isEmpty();
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void anEmptyCollectionIsAnEmptyList() {
    pc.enqueue(json("{\"totalCount\":0,\"items\":[],\"links\":{\"next\":null}}"));

    assertThat(subscriptionsOf("C")).isEmpty();
  }

  @Test
  void aNotFoundNamesItsUsualCauses() {
    pc.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"code\":60003,\"description\":\"Tenant not found.\"}"));

    NotFoundException e = thrown(NotFoundException.class, () -> subscriptionsOf("nobody"));

    assertThat(e.errorCode()).isEqualTo("60003");
    assertThat(e.getMessage())
        .contains("GET subscriptions of customer nobody")
        .contains("wrong customer id");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "MS-AZR-0145P, active, SERVED",
    "ms-azr-0145p, Suspended, SERVED",
    "MS-AZR-USGOV-0145P, active, SERVED",
    "MS-AZR-DE-0145P, suspended, SERVED",
    "MS-AZR-0145P, deleted, INACTIVE",
    "MS-AZR-0145P, disabled, INACTIVE",
    "MS-AZR-0145P, expired, INACTIVE",
    "MS-AZR-0145P, , INACTIVE",
    "DZH318Z0BPS6:0001:DZH318Z0BML6, active, AZURE_PLAN",
    "dzh318z0bps6:0001:dzh318z0bml6, suspended, AZURE_PLAN",
    "031C9E47-4802-4248-838E-778FB1D2CC05, active, LICENCE",
    "MS-AZR-0017P, active, LICENCE",
    ", active, LICENCE",
    "CFQ7TTC0LH18:0001:CFQ7TTC0K8P5, active, NEW_COMMERCE",
    "DZH318Z0BPS6X:0001, active, NEW_COMMERCE",
    "MS-AZR-0145P-EXTRA, active, LICENCE"
  })
  void subscriptionKindFollowsOfferIdAndStatus(
      String offerId, String status, SubscriptionKind expected) {
    Subscription subscription =
        Subscription.builder().id("s").offerId(offerId).status(status).build();

    assertThat(SubscriptionKind.of(subscription)).isEqualTo(expected);
  }
}
