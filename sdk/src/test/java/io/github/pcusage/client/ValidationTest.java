package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.END;
import static io.github.pcusage.client.TestData.NEXT_URI;
import static io.github.pcusage.client.TestData.START;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.testing.MockPartnerCenter.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.testing.MockPartnerCenter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input fails with IllegalArgumentException naming the field, before any request is sent. */
class ValidationTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  static Stream<Arguments> badIds() {
    return Stream.of(
        Arguments.of("null", null),
        Arguments.of("empty", ""),
        Arguments.of("blank", "   "),
        Arguments.of("slash", "contoso/../admin"),
        Arguments.of("question mark", "contoso?x=1"),
        Arguments.of("hash", "contoso#top"),
        Arguments.of("percent", "contoso%2F"),
        Arguments.of("space", "contoso customer"),
        Arguments.of("tab", "contoso\tcustomer"),
        Arguments.of("newline", "contoso\r\nX-Injected: 1"),
        Arguments.of("control character", "contoso\u0000"),
        Arguments.of("dot dot", "contoso..customer"),
        Arguments.of("only dot dot", ".."),
        Arguments.of("129 characters", "c".repeat(129)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badIds")
  void refusesABadCustomerIdBeforeAnyRequest(String why, String id) {
    try (PartnerCenterClient client = pc.client().build()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> client.utilizations(id, SUBSCRIPTION, query()))
          .withMessageContaining("customerId");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> client.usageSummary(id, SUBSCRIPTION))
          .withMessageContaining("customerId");
    }
    assertThat(pc.server().getRequestCount()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badIds")
  void refusesABadSubscriptionIdBeforeAnyRequest(String why, String id) {
    try (PartnerCenterClient client = pc.client().build()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> client.utilizations(CUSTOMER, id, query()))
          .withMessageContaining("subscriptionId");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> client.usageSummary(CUSTOMER, id))
          .withMessageContaining("subscriptionId");
    }
    assertThat(pc.server().getRequestCount()).isZero();
  }

  @Test
  void namesTheBadValueInTheMessage() {
    try (PartnerCenterClient client = pc.client().build()) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> client.utilizations("contoso?x=1", SUBSCRIPTION, query()))
          .withMessageContaining("contoso?x=1")
          .withMessageContaining("'?'");
    }
  }

  @Test
  void acceptsAnIdOf128Characters() throws InterruptedException {
    pc.enqueue(json(lastPage("a")));
    String id = "c".repeat(128);

    try (PartnerCenterClient client = pc.client().build()) {
      ids(client.utilizations(id, SUBSCRIPTION, query()));
    }

    assertThat(pc.takeRequest().getPath()).startsWith("/v1/customers/" + id + "/subscriptions/");
  }

  @Test
  void acceptsIdsThatAreNotGuidsAndPathEncodesThem() throws InterruptedException {
    pc.enqueue(json(lastPage("a")));
    try (PartnerCenterClient client = pc.client().build()) {
      ids(client.utilizations("sandbox-customer.1", "abonnement-é+1", query()));
    }

    assertThat(pc.takeRequest().getRequestUrl().encodedPath())
        .isEqualTo(
            "/v1/customers/sandbox-customer.1/subscriptions/abonnement-%C3%A9+1/utilizations/azure");
  }

  @Test
  void requiresTheStartTime() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UtilizationQuery.builder().endTime(END).build())
        .withMessageContaining("startTime");
  }

  @Test
  void requiresTheEndTime() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UtilizationQuery.builder().startTime(START).build())
        .withMessageContaining("endTime");
  }

  @Test
  void refusesAStartEqualToTheEnd() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UtilizationQuery.builder().startTime(START).endTime(START).build())
        .withMessageContaining("startTime")
        .withMessageContaining(START.toString());
  }

  @Test
  void refusesAStartAfterTheEnd() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UtilizationQuery.builder().startTime(END).endTime(START).build())
        .withMessageContaining("startTime")
        .withMessageContaining("endTime");
  }

  @ParameterizedTest(name = "pageSize {0}")
  @ValueSource(ints = {0, 1001})
  void refusesAPageSizeOutsideOneToAThousand(int pageSize) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                UtilizationQuery.builder().startTime(START).endTime(END).pageSize(pageSize).build())
        .withMessageContaining("pageSize is " + pageSize);
  }

  @ParameterizedTest(name = "pageSize {0}")
  @ValueSource(ints = {1, 1000})
  void sendsPageSizesFromOneToAThousand(int pageSize) throws InterruptedException {
    pc.enqueue(json(lastPage("a")));
    try (PartnerCenterClient client = pc.client().build()) {
      ids(
          client.utilizations(
              CUSTOMER,
              SUBSCRIPTION,
              UtilizationQuery.builder().startTime(START).endTime(END).pageSize(pageSize).build()));
    }

    assertThat(pc.takeRequest().getRequestUrl().queryParameter("size"))
        .isEqualTo(String.valueOf(pageSize));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://api.partnercenter.microsoft.com", "http://10.0.0.1:8080"})
  void refusesPlainHttpToAHostThatIsNotLoopback(String baseUrl) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                PartnerCenterClient.builder()
                    .baseUrl(baseUrl)
                    .tokenProvider(TokenProvider.of(TOKEN))
                    .build())
        .withMessageContaining("http");
  }

  @Test
  void refusesAUserNameOrPasswordInTheBaseUrlWithoutRepeatingIt() {
    for (String url :
        List.of(
            "https://billing:s3cret-pw@api.partnercenter.microsoft.com",
            "http://billing:s3cret-pw@127.0.0.1:8080/v1",
            "https://s3cret-pw@api.partnercenter.microsoft.com")) {
      assertThatIllegalArgumentException()
          .as(url)
          .isThrownBy(() -> PartnerCenterClient.builder().baseUrl(url))
          .withMessageStartingWith("baseUrl ")
          .withMessageContaining("user name or password")
          .withMessageNotContaining("s3cret-pw")
          .withMessageNotContaining("billing");
    }
  }

  @Test
  void neverRepeatsAQueryOrUserInfoOfARefusedBaseUrl() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                PartnerCenterClient.builder()
                    .baseUrl("https://api.partnercenter.microsoft.com/?sig=s3cret-sig"))
        .withMessageContaining("query")
        .withMessageNotContaining("s3cret-sig");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PartnerCenterClient.builder().baseUrl("ftp://billing:s3cret-pw@host/"))
        .withMessageContaining("not an http(s) URL")
        .withMessageNotContaining("s3cret-pw")
        .withMessageNotContaining("billing");
  }

  @Test
  void requiresATokenProvider() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PartnerCenterClient.builder().build())
        .withMessageContaining("tokenProvider");
  }

  @ParameterizedTest(name = "base URL ending in {0}")
  @ValueSource(strings = {"/v1", "/v1/"})
  void stripsATrailingV1FromTheBaseUrl(String v1) throws InterruptedException {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    pc.enqueue(json(lastPage("b")));

    try (PartnerCenterClient withV1 = pc.client().baseUrl(pc.server().url(v1).toString()).build()) {
      assertThat(withV1.apiRoot()).isEqualTo(pc.server().url("/").toString().replaceAll("/$", ""));
      assertThat(ids(withV1.utilizations(CUSTOMER, SUBSCRIPTION, query())))
          .containsExactly("a", "b");
    }

    assertThat(pc.takeRequest().getPath()).startsWith("/v1/customers/" + CUSTOMER + "/");
    assertThat(pc.takeRequest().getPath()).isEqualTo("/v1/" + NEXT_URI);
  }
}
