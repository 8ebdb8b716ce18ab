package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.Sleeper;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared throttle: a 429 on one listing pauses the other listings of the same client until its
 * Retry-After has passed, measured with the client's clock.
 */
class SharedThrottleTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static List<String> list(PartnerCenterClient client, String customer) {
    List<String> ids = new ArrayList<>();
    for (AzureUtilizationRecord r : client.utilizations(customer, "sub", query())) {
      ids.add(r.getResource().getId());
    }
    return ids;
  }

  @ParameterizedTest(name = "sharedThrottle({0})")
  @ValueSource(booleans = {true, false})
  void aThrottledListingPausesTheOtherListingsOfTheClientOnlyWhenShared(boolean shared)
      throws Exception {
    CountDownLatch aThrottled = new CountDownLatch(1);
    CountDownLatch bFirstPageDone = new CountDownLatch(1);
    List<String> sleeps = new CopyOnWriteArrayList<>();
    Sleeper sleeper =
        duration -> {
          String who = Thread.currentThread().getName();
          sleeps.add(who + " " + duration.getSeconds());
          if (who.equals("listing-a")) {
            aThrottled.countDown();
            // A's retry happens only after B has asked for its next page.
            bFirstPageDone.await(10, TimeUnit.SECONDS);
          }
        };
    pc.server()
        .setDispatcher(
            new Dispatcher() {
              private boolean aRefused;

              @Override
              public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().contains("/customers/customer-a/")) {
                  synchronized (this) {
                    if (!aRefused) {
                      aRefused = true;
                      return new MockResponse().setResponseCode(429).setHeader("Retry-After", "7");
                    }
                  }
                  return json(lastPage("a1"));
                }
                if (request.getHeader("MS-ContinuationToken") == null) {
                  return json(pageWithToken("b-token", "b1"));
                }
                return json(lastPage("b2"));
              }
            });

    try (PartnerCenterClient client =
        pc.client().sleeper(sleeper).prefetch(false).sharedThrottle(shared).build()) {
      CompletableFuture<List<String>> a = new CompletableFuture<>();
      Thread listingA = new Thread(() -> a.complete(list(client, "customer-a")), "listing-a");
      listingA.start();
      assertThat(aThrottled.await(10, TimeUnit.SECONDS)).isTrue();

      List<String> b = new ArrayList<>();
      String testThread = Thread.currentThread().getName();
      Thread.currentThread().setName("listing-b");
      try {
        Iterator<AzureUtilizationRecord> records =
            client.utilizations("customer-b", "sub", query()).iterator();
        b.add(records.next().getResource().getId()); // B's first page, sent after A's 429
        bFirstPageDone.countDown();
        while (records.hasNext()) {
          b.add(records.next().getResource().getId());
        }
      } finally {
        bFirstPageDone.countDown();
        Thread.currentThread().setName(testThread);
      }

      assertThat(a.get(10, TimeUnit.SECONDS)).containsExactly("a1");
      assertThat(b).containsExactly("b1", "b2");
    }

    if (shared) {
      // B's first page waits for A's pause, and so does its next page: the clock stands still, so
      // A's 7 s have not passed.
      assertThat(sleeps).containsExactly("listing-a 7", "listing-b 7", "listing-b 7");
    } else {
      assertThat(sleeps).containsExactly("listing-a 7");
    }
  }

  @Test
  void thePauseEndsWhenTheClockHasPassedTheRetryAfter() {
    pc.server().enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));
    pc.server().enqueue(json(lastPage("a")));
    pc.server().enqueue(json(lastPage("b")));

    try (PartnerCenterClient client = pc.client().sharedThrottle(true).build()) {
      assertThat(list(client, "customer-a")).containsExactly("a");
      pc.clock().advance(Duration.ofSeconds(3));
      assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(7));

      // 4 s of the pause are left for the next call, then none once the clock passes it.
      pc.server().enqueue(json(lastPage("c")));
      assertThat(list(client, "customer-b")).containsExactly("b");
      pc.clock().advance(Duration.ofSeconds(4));
      assertThat(list(client, "customer-c")).containsExactly("c");
    }
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(4));
  }

  @Test
  void aThrottleWithoutRetryAfterPausesForTheBackoff() {
    pc.server().enqueue(new MockResponse().setResponseCode(429));
    pc.server().enqueue(json(lastPage("a")));
    pc.server().enqueue(json(lastPage("b")));

    try (PartnerCenterClient client = pc.client().sharedThrottle(true).build()) {
      assertThat(list(client, "customer-a")).containsExactly("a");
      assertThat(list(client, "customer-b")).containsExactly("b");
    }
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }
}
