package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.InvalidResponseException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.TransportException;
import io.github.pcusage.testing.MockPartnerCenter;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the one call engine retries, and what it leaves alone. */
class EngineTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static final class Bug extends IllegalStateException {
    Bug() {
      super("a bug in an interceptor");
    }
  }

  private PartnerCenterClient clientWithABug() {
    OkHttpClient buggy =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  throw new Bug();
                })
            .build();
    return pc.client().okHttpClient(buggy).build();
  }

  @Test
  void aProgrammingErrorInAListingPropagatesAsItIsAndIsNotRetried() {
    try (PartnerCenterClient client = clientWithABug()) {
      thrown(Bug.class, () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())));
    }
    assertThat(pc.sleeper().delays()).isEmpty();
  }

  @Test
  void aProgrammingErrorInACallPropagatesAsItIs() {
    try (PartnerCenterClient client = clientWithABug()) {
      thrown(Bug.class, () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));
    }
    assertThat(pc.sleeper().delays()).isEmpty();
  }

  @ParameterizedTest(name = "cut after [{0}]")
  @ValueSource(
      strings = {
        "{\"items\":[{\"resource\":{\"id\":\"a\"",
        "{\"items\":[",
        "{\"items\":[{\"resource\":{\"id\":\"a\"},\"unit\":\"cut in a str",
        "{"
      })
  void aCompleteResponseWhoseJsonStopsShortIsRetried(String cut) {
    pc.server().enqueue(json(cut));
    pc.server().enqueue(json(lastPage("a")));

    try (PartnerCenterClient client = pc.client().build()) {
      assertThat(ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()))).containsExactly("a");
    }
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void jsonThatStopsShortOnEveryAttemptIsATransportFailure() {
    for (int i = 0; i < 4; i++) {
      pc.server().enqueue(json("{\"items\":[{\"resource\":"));
    }

    try (PartnerCenterClient client = pc.client().build()) {
      TransportException e =
          thrown(
              TransportException.class,
              () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())));
      assertThat(e.getMessage()).contains("4 attempt");
      assertThat(e.isRetryable()).isTrue();
    }
    assertThat(pc.server().getRequestCount()).isEqualTo(4);
  }

  @Test
  void aCompleteDocumentThatFailsTheSchemaIsNotRetried() {
    pc.server().enqueue(json("{\"items\":[{\"quantity\":\"many\"}]}"));

    try (PartnerCenterClient client = pc.client().build()) {
      thrown(
          InvalidResponseException.class,
          () -> ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query())));
    }
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
    assertThat(pc.sleeper().delays()).isEmpty();
  }
}
