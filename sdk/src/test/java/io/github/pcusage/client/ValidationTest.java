package io.github.pcusage.client;

import static io.github.pcusage.client.Fixtures.CUSTOMER;
import static io.github.pcusage.client.Fixtures.END;
import static io.github.pcusage.client.Fixtures.NEXT_URI;
import static io.github.pcusage.client.Fixtures.NOW;
import static io.github.pcusage.client.Fixtures.START;
import static io.github.pcusage.client.Fixtures.SUBSCRIPTION;
import static io.github.pcusage.client.Fixtures.TOKEN;
import static io.github.pcusage.client.Fixtures.ids;
import static io.github.pcusage.client.Fixtures.json;
import static io.github.pcusage.client.Fixtures.lastPage;
import static io.github.pcusage.client.Fixtures.pageWithToken;
import static io.github.pcusage.client.Fixtures.query;
import static io.github.pcusage.client.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails with IllegalArgumentException naming the field, before any request is sent. */
class ValidationTest {
  private MockWebServer server;
  private PartnerCenterClient client;

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.startServer();
    client = Fixtures.client(server, new RecordingSleeper(), new MutableClock(NOW)).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

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
    assertThatIllegalArgumentException()
        .isThrownBy(() -> client.utilizations(id, SUBSCRIPTION, query()))
        .withMessageContaining("customerId");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> client.usageSummary(id, SUBSCRIPTION))
        .withMessageContaining("customerId");
    assertThat(server.getRequestCount()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badIds")
  void refusesABadSubscriptionIdBeforeAnyRequest(String why, String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> client.utilizations(CUSTOMER, id, query()))
        .withMessageContaining("subscriptionId");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> client.usageSummary(CUSTOMER, id))
        .withMessageContaining("subscriptionId");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void namesTheBadValueInTheMessage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> client.utilizations("contoso?x=1", SUBSCRIPTION, query()))
        .withMessageContaining("contoso?x=1")
        .withMessageContaining("'?'");
  }

  @Test
  void acceptsAnIdOf128Characters() throws InterruptedException {
    server.enqueue(json(lastPage("a")));
    String id = "c".repeat(128);

    ids(client.utilizations(id, SUBSCRIPTION, query()));

    assertThat(take(server).getPath()).startsWith("/v1/customers/" + id + "/subscriptions/");
  }

  @Test
  void acceptsIdsThatAreNotGuidsAndPathEncodesThem() throws InterruptedException {
    server.enqueue(json(lastPage("a")));
    ids(client.utilizations("sandbox-customer.1", "abonnement-é+1", query()));

    assertThat(take(server).getRequestUrl().encodedPath())
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

  @Test
  void refusesPageSizeZero() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> UtilizationQuery.builder().startTime(START).endTime(END).pageSize(0).build())
        .withMessageContaining("pageSize is 0");
  }

  @Test
  void refusesPageSize1001() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> UtilizationQuery.builder().startTime(START).endTime(END).pageSize(1001).build())
        .withMessageContaining("pageSize is 1001");
  }

  @Test
  void sendsPageSizesOneAndAThousand() throws InterruptedException {
    server.enqueue(json(lastPage("a")));
    server.enqueue(json(lastPage("b")));
    ids(
        client.utilizations(
            CUSTOMER,
            SUBSCRIPTION,
            UtilizationQuery.builder().startTime(START).endTime(END).pageSize(1).build()));
    ids(
        client.utilizations(
            CUSTOMER,
            SUBSCRIPTION,
            UtilizationQuery.builder().startTime(START).endTime(END).pageSize(1000).build()));

    assertThat(take(server).getRequestUrl().queryParameter("size")).isEqualTo("1");
    assertThat(take(server).getRequestUrl().queryParameter("size")).isEqualTo("1000");
  }

  @Test
  void refusesPlainHttpToAHostThatIsNotLoopback() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                PartnerCenterClient.builder()
                    .baseUrl("http://api.partnercenter.microsoft.com")
                    .tokenProvider(TokenProvider.of(TOKEN))
                    .build())
        .withMessageContaining("http");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                PartnerCenterClient.builder()
                    .baseUrl("http://10.0.0.1:8080")
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

  @Test
  void stripsATrailingV1FromTheBaseUrl() throws InterruptedException {
    server.enqueue(json(pageWithToken("token-1", "a")));
    server.enqueue(json(lastPage("b")));

    try (PartnerCenterClient withV1 =
        Fixtures.client(server, new RecordingSleeper(), new MutableClock(NOW))
            .baseUrl(server.url("/v1").toString())
            .build()) {
      assertThat(withV1.apiRoot()).isEqualTo(server.url("/").toString().replaceAll("/$", ""));
      assertThat(ids(withV1.utilizations(CUSTOMER, SUBSCRIPTION, query())))
          .containsExactly("a", "b");
    }

    assertThat(take(server).getPath()).startsWith("/v1/customers/" + CUSTOMER + "/");
    assertThat(take(server).getPath()).isEqualTo("/v1/" + NEXT_URI);
  }

  @Test
  void stripsATrailingV1WithASlashFromTheBaseUrl() throws InterruptedException {
    server.enqueue(json(lastPage("a")));

    try (PartnerCenterClient withV1 =
        Fixtures.client(server, new RecordingSleeper(), new MutableClock(NOW))
            .baseUrl(server.url("/v1/").toString())
            .build()) {
      ids(withV1.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }

    assertThat(take(server).getPath()).startsWith("/v1/customers/" + CUSTOMER + "/");
  }
}
