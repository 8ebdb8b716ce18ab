package io.github.pcusage.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how many records per second the sandbox serves in 1000-record pages on loopback: client
 * threads in the same JVM walk the default data set's October listings page after page for a fixed
 * time, after a 5 s warm-up. Two modes: hourly listings (60,000 records per subscription, more than
 * the page cache holds, so every page is rendered) and daily listings (served from the page cache).
 * Not a test; run it as the README says:
 *
 * <pre>
 * mvn -q -f sandbox/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.pcusage.sandbox.ThroughputHarness [-Dexec.args="4 10"]
 * </pre>
 *
 * <p>Arguments: client threads (default 4), seconds per mode (default 10).
 */
public final class ThroughputHarness {
  private static final String OCTOBER =
      "start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&size=1000";

  private ThroughputHarness() {}

  /** Runs the measurement and prints one line per mode. */
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    System.out.printf(
        "java %s, %d cores, %d client threads, %d s per mode%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        threads,
        seconds);
    measure("hourly, cache off (every page rendered)", "&granularity=hourly", 0, threads, seconds);
    measure("daily, cache on (pages served from cache)", "", 64L << 20, threads, seconds);
  }

  private static void measure(
      String mode, String granularity, long cacheBytes, int threads, int seconds) throws Exception {
    try (Sandbox sandbox = Sandbox.builder().pageCacheBytes(cacheBytes).start()) {
      List<String> firstPages = new ArrayList<>();
      for (String customer : sandbox.customerIds()) {
        for (String subscription : sandbox.subscriptionIds(customer)) {
          firstPages.add(
              sandbox.baseUrl()
                  + SandboxHttp.utilization(customer, subscription, OCTOBER + granularity));
        }
      }
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      run(client, firstPages, threads, 5_000, new AtomicLong(), new AtomicLong()); // warm-up
      AtomicLong records = new AtomicLong();
      AtomicLong bytes = new AtomicLong();
      long start = System.nanoTime();
      long pages = run(client, firstPages, threads, seconds * 1000L, records, bytes);
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%-42s %,10.0f records/s %,8.1f pages/s %,8.1f MB/s (%,d records in %.1f s)%n",
          mode,
          records.get() / elapsed,
          pages / elapsed,
          bytes.get() / elapsed / 1e6,
          records.get(),
          elapsed);
    }
  }

  private static long run(
      HttpClient client,
      List<String> firstPages,
      int threads,
      long millis,
      AtomicLong records,
      AtomicLong bytes)
      throws Exception {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    AtomicLong pages = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String first = firstPages.get(t % firstPages.size());
        String base = first.substring(0, first.indexOf("/v1/") + 4);
        workers.add(
            pool.submit(
                () -> {
                  String uri = first;
                  String token = null;
                  while (System.nanoTime() < deadline) {
                    HttpRequest.Builder request =
                        HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer b");
                    if (token != null) {
                      request.header("MS-ContinuationToken", token);
                    }
                    byte[] body = send(client, request.build());
                    Page page = Page.scan(body);
                    records.addAndGet(page.count);
                    bytes.addAndGet(body.length);
                    pages.incrementAndGet();
                    if (page.nextUri == null) {
                      uri = first;
                      token = null;
                    } else {
                      uri = base + page.nextUri;
                      token = page.nextToken;
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return pages.get();
  }

  private static byte[] send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a client must read from a page: its record count and next link, by streaming. */
  private static final class Page {
    private static final JsonFactory FACTORY = new JsonFactory();

    int count;
    String nextUri;
    String nextToken;

    static Page scan(byte[] body) throws IOException {
      Page page = new Page();
      try (JsonParser parser = FACTORY.createParser(body)) {
        parser.nextToken();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          if (field.equals("totalCount")) {
            page.count = parser.getIntValue();
          } else if (field.equals("links")) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String link = parser.currentName();
              parser.nextToken();
              if (!link.equals("next")) {
                parser.skipChildren();
                continue;
              }
              while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("uri")) {
                  page.nextUri = parser.getText();
                } else if (name.equals("headers")) {
                  while (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                      String key = parser.currentName();
                      parser.nextToken();
                      if (key.equals("value")) {
                        page.nextToken = parser.getText();
                      }
                    }
                  }
                } else {
                  parser.skipChildren();
                }
              }
            }
          } else {
            parser.skipChildren();
          }
        }
      }
      return page;
    }
  }
}
