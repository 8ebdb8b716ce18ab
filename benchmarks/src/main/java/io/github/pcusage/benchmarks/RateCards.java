package io.github.pcusage.benchmarks;

import io.github.pcusage.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The Azure rate card every rate card benchmark decodes: the sandbox's own card ({@code pcusage
 * sandbox --rate-card-meters N}, seed 42), its catalogue meters padded with generated ones up to
 * {@code N}: GUID ids, names, categories, regions, units, graduated {@code rates} keyed by decimal
 * strings on about a quarter of them, {@code includedQuantity}, effective dates with and without a
 * zone, and one offer term excluding every 50th generated meter. The same bytes on every run.
 */
final class RateCards {
  /** The meters of the measured card: about 4 MB on the wire. */
  static final int METERS = 10_000;

  private RateCards() {}

  /** A started sandbox whose rate card lists {@code meters} meters; the caller closes it. */
  static Sandbox sandbox(int meters) {
    return Sandbox.builder()
        .port(0)
        .seed(42)
        .customers(1)
        .subscriptionsPerCustomer(1)
        .rateCardMeters(meters)
        .start();
  }

  /** The bytes of the rate card of {@code meters} meters, as the sandbox sends them. */
  static byte[] render(int meters) {
    try (Sandbox sandbox = sandbox(meters)) {
      return fetch(sandbox.baseUrl());
    }
  }

  /** Fetches the rate card from the sandbox at {@code baseUrl} (rendering it into its cache). */
  static byte[] fetch(String baseUrl) {
    OkHttpClient http = new OkHttpClient();
    try (Response response =
        http.newCall(
                new Request.Builder()
                    .url(baseUrl + "/v1/ratecards/azure")
                    .header("Authorization", "Bearer " + Fixtures.TOKEN)
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
