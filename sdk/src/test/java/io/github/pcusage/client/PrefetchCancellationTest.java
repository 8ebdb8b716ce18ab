package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Closing a listing's stream cancels the page being fetched ahead; nothing more is requested. */
class PrefetchCancellationTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  @Test
  void closingTheStreamCancelsThePrefetchInFlight() throws Exception {
    pc.server().enqueue(json(pageWithToken("t1", "a", "b")));
    pc.server().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    CountDownLatch cancelled = new CountDownLatch(1);
    OkHttpClient http =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void callFailed(Call call, IOException e) {
                    if (call.isCanceled()) {
                      cancelled.countDown();
                    }
                  }
                })
            .build();

    try (PartnerCenterClient client = pc.client().okHttpClient(http).prefetch(true).build()) {
      String first;
      try (Stream<AzureUtilizationRecord> records =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).stream()) {
        first = records.findFirst().orElseThrow().getResource().getId();
        pc.takeRequest(); // the first page
        pc.takeRequest(); // the page fetched ahead, which gets no answer
      }

      assertThat(first).isEqualTo("a");
      assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue(); // not the 60 s read timeout
    }
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
    assertThat(pc.sleeper().delays()).isEmpty(); // the cancelled page was not retried
  }

  @Test
  void closingTheStreamBeforeItsFirstItemSendsNothing() {
    try (PartnerCenterClient client = pc.client().build()) {
      client.utilizations(CUSTOMER, SUBSCRIPTION, query()).stream().close();
    }
    assertThat(pc.server().getRequestCount()).isZero();
  }
}
