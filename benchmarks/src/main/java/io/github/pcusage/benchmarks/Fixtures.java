package io.github.pcusage.benchmarks;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What every benchmark shares: a sandbox with one customer and one subscription holding exactly the
 * number of 1000-record pages asked for, the query window that holds them all, and the first page's
 * bytes as the sandbox renders them.
 */
final class Fixtures {
  /** Records per page: the service's largest page. */
  static final int PAGE_SIZE = 1000;

  static final String START_TEXT = "2026-09-01T00:00:00Z";
  static final String END_TEXT = "2026-12-01T00:00:00Z";
  static final OffsetDateTime START = OffsetDateTime.parse(START_TEXT);
  static final OffsetDateTime END = OffsetDateTime.parse(END_TEXT);
  static final String TOKEN = "benchmark-token";

  private Fixtures() {}

  /** A started sandbox whose first pair holds {@code pages} full pages; the caller closes it. */
  static Listing listing(int pages, Duration latency, long pageCacheBytes) {
    Sandbox sandbox =
        Sandbox.builder()
            .port(0)
            .seed(42)
            .customers(1)
            .subscriptionsPerCustomer(1)
            .latency(latency)
            .pageCacheBytes(pageCacheBytes)
            .start();
    String customer = sandbox.customerIds().get(0);
    String subscription = sandbox.subscriptionIds(customer).get(0);
    sandbox.scenarios().pages(customer, subscription, pages, PAGE_SIZE);
    return new Listing(sandbox, customer, subscription, pages * PAGE_SIZE);
  }

  /** The bytes of one real 1000-record page, rendered by a sandbox. */
  static byte[] renderPage() {
    try (Listing listing = listing(1, Duration.ZERO, 0)) {
      OkHttpClient http = new OkHttpClient();
      try (Response response =
          http.newCall(
                  new Request.Builder()
                      .url(listing.firstPageUrl())
                      .header("Authorization", "Bearer " + TOKEN)
                      .build())
              .execute()) {
        if (response.code() != 200) {
          throw new IllegalStateException("sandbox answered " + response.code());
        }
        return response.body().bytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
    }
  }

  /**
   * A started sandbox like {@link #listing} whose page cache holds every page, rendered once here,
   * so that the measured client never waits for the sandbox to render (about 18 ms per page).
   */
  static Listing cachedListing(int pages, Duration latency) {
    Listing listing = listing(pages, latency, pages * 800_000L + (16L << 20));
    OkHttpClient http = new OkHttpClient();
    try {
      PlainLoops.okHttpBytes(http, listing, body -> {});
    } catch (IOException e) {
      listing.close();
      throw new UncheckedIOException(e);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    return listing;
  }

  static UtilizationQuery query() {
    return UtilizationQuery.builder().startTime(START).endTime(END).pageSize(PAGE_SIZE).build();
  }

  static PartnerCenterClient client(String baseUrl, boolean prefetch) {
    return PartnerCenterClient.builder()
        .baseUrl(baseUrl)
        .tokenProvider(TokenProvider.of(TOKEN))
        .prefetch(prefetch)
        .build();
  }

  /** A sandbox and the pair it serves. */
  static final class Listing implements AutoCloseable {
    final Sandbox sandbox;
    final String customer;
    final String subscription;
    final int records;

    Listing(Sandbox sandbox, String customer, String subscription, int records) {
      this.sandbox = sandbox;
      this.customer = customer;
      this.subscription = subscription;
      this.records = records;
    }

    /** The first page's URL, as a plain client sends it. */
    String firstPageUrl() {
      return sandbox.baseUrl()
          + "/v1/customers/"
          + customer
          + "/subscriptions/"
          + subscription
          + "/utilizations/azure?start_time="
          + START_TEXT
          + "&end_time="
          + END_TEXT
          + "&size="
          + PAGE_SIZE;
    }

    @Override
    public void close() {
      sandbox.close();
    }
  }
}
