package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.OperationNotOfferedException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterCloud;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.testing.ConnectionEvents;
import io.github.pcusage.testing.MockPartnerCenter;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The clouds: their API roots, sign-in authorities and scopes, and the 21Vianet cloud, which offers
 * neither operation, refused before any request.
 */
class CloudsTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private final ConnectionEvents events = new ConnectionEvents();
  private final AtomicInteger lookups = new AtomicInteger();

  /** Counts every call and every DNS lookup; any host resolves to loopback, never the network. */
  private OkHttpClient observed() {
    return new OkHttpClient.Builder()
        .eventListener(events)
        .dns(
            host -> {
              lookups.incrementAndGet();
              return List.of(InetAddress.getByName("127.0.0.1"));
            })
        .build();
  }

  @Test
  void eachCloudHasItsApiRootScopeAndAuthority() {
    assertThat(PartnerCenterCloud.PUBLIC.apiRoot())
        .isEqualTo("https://api.partnercenter.microsoft.com");
    assertThat(PartnerCenterCloud.PUBLIC.tokenScope())
        .isEqualTo("https://api.partnercenter.microsoft.com/.default");
    assertThat(PartnerCenterCloud.PUBLIC.authorityHost())
        .isEqualTo("https://login.microsoftonline.com/");

    assertThat(PartnerCenterCloud.US_GOVERNMENT.apiRoot())
        .isEqualTo(PartnerCenterCloud.PUBLIC.apiRoot());
    assertThat(PartnerCenterCloud.US_GOVERNMENT.tokenScope())
        .isEqualTo(PartnerCenterCloud.PUBLIC.tokenScope());
    assertThat(PartnerCenterCloud.US_GOVERNMENT.authorityHost())
        .isEqualTo("https://login.microsoftonline.us/");

    assertThat(PartnerCenterCloud.CHINA.apiRoot())
        .isEqualTo("https://partner.partnercenterapi.microsoftonline.cn");
    assertThat(PartnerCenterCloud.CHINA.tokenScope())
        .isEqualTo("https://partner.partnercenterapi.microsoftonline.cn/.default");
    assertThat(PartnerCenterCloud.CHINA.authorityHost())
        .isEqualTo("https://login.chinacloudapi.cn/");
  }

  @Test
  void aUsGovernmentClientCallsThePublicApiRoot() {
    try (PartnerCenterClient client =
        PartnerCenterClient.builder()
            .cloud(PartnerCenterCloud.US_GOVERNMENT)
            .tokenProvider(TokenProvider.of("t"))
            .build()) {
      assertThat(client.apiRoot()).isEqualTo("https://api.partnercenter.microsoft.com");
    }
  }

  @Test
  void aChinaClientRefusesBothOperationsBeforeAnyRequest() {
    try (PartnerCenterClient client =
        PartnerCenterClient.builder()
            .cloud(PartnerCenterCloud.CHINA)
            .okHttpClient(observed())
            .tokenProvider(TokenProvider.of("t"))
            .build()) {
      OperationNotOfferedException listing =
          thrown(
              OperationNotOfferedException.class,
              () -> client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
      OperationNotOfferedException summary =
          thrown(
              OperationNotOfferedException.class,
              () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));

      assertThat(listing)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("21Vianet")
          .hasMessageContaining("Azure utilization records")
          .hasMessageContaining("https://partner.partnercenterapi.microsoftonline.cn");
      assertThat(summary).hasMessageContaining("21Vianet").hasMessageContaining("usage summaries");
    }
    assertThat(events.callsStarted.get()).isZero();
    assertThat(lookups.get()).isZero();
  }

  @Test
  void aClientWhoseBaseUrlIsTheChinaRootRefusesToo() {
    try (PartnerCenterClient client =
        PartnerCenterClient.builder()
            .baseUrl("https://Partner.PartnerCenterApi.MicrosoftOnline.cn/v1/")
            .okHttpClient(observed())
            .tokenProvider(TokenProvider.of("t"))
            .build()) {
      thrown(OperationNotOfferedException.class, () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));
    }
    assertThat(events.callsStarted.get()).isZero();
  }

  @Test
  void theSameSetUpCallsAServerOfAnotherCloud() {
    pc.server().enqueue(json(lastPage("a")));

    try (PartnerCenterClient client = pc.client().okHttpClient(observed()).build()) {
      assertThat(TestData.ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())))
          .containsExactly("a");
    }
    assertThat(events.callsStarted.get()).isEqualTo(1);
  }
}
