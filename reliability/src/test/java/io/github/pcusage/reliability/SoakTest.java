package io.github.pcusage.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.AccessToken;
import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.PagedIterable;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.sandbox.Faults;
import io.github.pcusage.sandbox.Sandbox;
import io.github.pcusage.testing.ConnectionEvents;
import io.github.pcusage.testing.RecordingSleeper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The soak: 50 listings at a time, through one shared client, over hundreds of subscriptions, with
 * every kind of fault mixed in and tokens that expire every few seconds, for a bounded time. Every
 * listing must end with exactly its fault-free records (resuming from continuations as needed); at
 * the end no connection is in use, every call ended, and no thread of the client or the sandbox is
 * left once they are closed.
 *
 * <p>CI runs it for {@code soak.seconds} (12 s); {@code -Dsoak.minutes=N} runs it for N minutes.
 */
class SoakTest {
  private static final String FAULTS =
      "429=0.03,429-date=0.02,500=0.03,503=0.02,204-next=0.03,reset=0.02,truncate=0.02,slow=0.005,"
          + "seed=2026,slow-ms=400";
  private static final int CUSTOMERS = 40;
  private static final int SUBSCRIPTIONS_PER_CUSTOMER = 8;
  private static final int PAGE_SIZE = 100;

  /**
   * Threads the JVM may start, and the two process-wide daemons of OkHttp and Okio that no client
   * owns and that exit by themselves after 60 s idle: OkHttp's task runner and Okio's timeout
   * watchdog.
   */
  private static final Pattern ALLOWED_NEW_THREADS =
      Pattern.compile(
          "OkHttp TaskRunner|Okio Watchdog|Attach Listener|Common-Cleaner|process reaper|JFR .*|RMI .*");

  @Test
  void fiftyConcurrentListingsWithMixedFaultsLoseAndDuplicateNothingAndLeakNothing()
      throws Exception {
    Duration length = soakLength();
    int listings = Integer.getInteger("soak.listings", 50);
    Set<String> threadsBefore = liveThreads();

    List<String[]> pairs = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      for (int s = 0; s < SUBSCRIPTIONS_PER_CUSTOMER; s++) {
        pairs.add(
            new String[] {
              String.format("50a40000-0000-4000-8000-%012d", c),
              String.format("5ab50000-0000-4000-8000-%012d", c * 100 + s)
            });
      }
    }
    Map<String, Expected> expected = new ConcurrentHashMap<>();
    ConnectionEvents events = new ConnectionEvents();
    ConnectionPool pool = new ConnectionPool(16, 1, TimeUnit.MINUTES);
    OkHttpClient base =
        new OkHttpClient.Builder().connectionPool(pool).eventListener(events).build();
    AtomicLong tokens = new AtomicLong();
    // Tokens valid for 3 s, refreshed 1 s before they expire: a soak of minutes goes through many.
    TokenProvider expiring =
        () ->
            AccessToken.of("soak-token-" + tokens.incrementAndGet(), Instant.now().plusSeconds(3));
    Stats stats = new Stats();
    long started;
    long elapsed;
    long baselineMillis;
    RecordingSleeper sleeper = new RecordingSleeper();

    try (Sandbox faultFree = configure(Sandbox.builder().seed(7).faults(Faults.none()), pairs);
        Sandbox faulty =
            configure(Sandbox.builder().seed(7).threads(32).faults(Faults.parse(FAULTS)), pairs);
        PartnerCenterClient reference =
            PartnerCenterClient.builder()
                .baseUrl(faultFree.baseUrl())
                .tokenProvider(TokenProvider.of("reference"))
                .build();
        PartnerCenterClient client =
            PartnerCenterClient.builder()
                .baseUrl(faulty.baseUrl())
                .okHttpClient(base)
                .tokenProvider(expiring)
                .tokenRefreshSkew(Duration.ofSeconds(1))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
                .dataNotReadyPolicy(
                    DataNotReadyPolicy.of(3, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .sleeper(sleeper)
                .readTimeout(Duration.ofMillis(150))
                .build()) {
      // The fault-free multiset of every pair, from a sandbox with the same seed and no faults.
      ExecutorService baseline = Executors.newFixedThreadPool(8);
      for (String[] pair : pairs) {
        baseline.submit(
            () -> {
              ResumingReader.Result result =
                  new ResumingReader(0).read(client(reference, pair), ResumingReader.Style.PAGES);
              expected.put(
                  key(pair),
                  new Expected(
                      result.digests.size(),
                      RecordDigests.fingerprint(result.digests),
                      result.digests));
              return null;
            });
      }
      baseline.shutdown();
      long baselineStart = System.nanoTime();
      assertThat(baseline.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
      assertThat(expected).hasSize(pairs.size());
      baselineMillis = (System.nanoTime() - baselineStart) / 1_000_000;

      started = System.nanoTime();
      long deadline = started + length.toNanos();
      AtomicInteger next = new AtomicInteger();
      ExecutorService workers =
          Executors.newFixedThreadPool(listings, r -> new Thread(r, "soak-worker"));
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < listings; w++) {
        ResumingReader.Style style =
            w % 2 == 0 ? ResumingReader.Style.PAGES : ResumingReader.Style.RECORDS;
        futures.add(
            workers.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    String[] pair = pairs.get(Math.floorMod(next.getAndIncrement(), pairs.size()));
                    ResumingReader.Result result =
                        new ResumingReader(1000).read(client(client, pair), style);
                    stats.add(expected.get(key(pair)), result);
                  }
                  return null;
                }));
      }
      workers.shutdown();
      for (Future<?> future : futures) {
        future.get(length.toSeconds() + 300, TimeUnit.SECONDS);
      }
      elapsed = System.nanoTime() - started;
      stats.faultsServed =
          faulty.faultCounters().snapshot().entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", "));
      stats.requests = faulty.requestCount();
    }

    // Connections: every call ended, every acquired connection released, none in use.
    int inUse = pool.connectionCount() - pool.idleConnectionCount();
    long acquired = events.acquired.get();
    long released = events.released.get();
    long callsStarted = events.callsStarted.get();
    long callsEnded = events.callsFinished();
    base.dispatcher().executorService().shutdown();
    pool.evictAll();
    Set<String> leakedThreads = threadsLeftAfter(threadsBefore, Duration.ofSeconds(10));
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    long heapUsedMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;

    String report =
        String.format(
            "Soak: %d concurrent listings for %.1f s over %d subscriptions (%d-record pages), faults %s%n"
                + "listings completed  %d (resumed %d times: %s)%n"
                + "records             %,d (%,.0f records/s), duplicates %d, losses %d, mismatched listings %d%n"
                + "requests            %,d, faults served: %s%n"
                + "retry waits         %,d, tokens issued %d%n"
                + "connections         opened %d, acquired %d, released %d, in use at the end %d%n"
                + "calls               started %d, ended %d%n"
                + "threads left        %s%n"
                + "heap after GC       %d MiB used of %d MiB max (fault-free baseline read in %d ms)%n",
            listings,
            elapsed / 1e9,
            pairs.size(),
            PAGE_SIZE,
            FAULTS,
            stats.listings.get(),
            stats.resumes.get(),
            stats.failures,
            stats.records.get(),
            stats.records.get() / (elapsed / 1e9),
            stats.duplicates.get(),
            stats.losses.get(),
            stats.mismatched.get(),
            stats.requests,
            stats.faultsServed,
            sleeper.count(),
            tokens.get(),
            events.connectionsOpened.get(),
            acquired,
            released,
            inUse,
            callsStarted,
            callsEnded,
            leakedThreads.isEmpty() ? "none" : leakedThreads,
            heapUsedMb,
            runtime.maxMemory() >> 20,
            baselineMillis);
    Path target = Path.of(System.getProperty("reliability.targetDir", "target"));
    Files.createDirectories(target);
    Files.writeString(target.resolve("soak.txt"), report, StandardCharsets.UTF_8);
    System.out.println(report);

    assertThat(stats.listings.get()).as("listings completed").isGreaterThan(listings);
    assertThat(stats.duplicates.get()).as("duplicated records").isZero();
    assertThat(stats.losses.get()).as("lost records").isZero();
    assertThat(stats.mismatched.get()).as("listings that differ from the fault-free run").isZero();
    assertThat(acquired).as("connections acquired and released").isEqualTo(released);
    assertThat(inUse).as("connections in use after the soak").isZero();
    assertThat(callsEnded).as("calls ended").isEqualTo(callsStarted);
    assertThat(leakedThreads)
        .as("threads left after closing the client and the sandboxes")
        .isEmpty();
  }

  private static PagedIterable<AzureUtilizationRecord> client(
      PartnerCenterClient client, String[] pair) {
    return client.utilizations(pair[0], pair[1], Listings.query(PAGE_SIZE));
  }

  private static String key(String[] pair) {
    return pair[0] + "/" + pair[1];
  }

  private static Sandbox configure(Sandbox.Builder builder, List<String[]> pairs) {
    Sandbox sandbox =
        builder.customers(1).subscriptionsPerCustomer(1).recordsPerSubscription(10).start();
    for (String[] pair : pairs) {
      int pages = Math.floorMod(pair[1].hashCode(), 8); // 0 to 7 pages of 100 records
      sandbox.scenarios().pages(pair[0], pair[1], pages, PAGE_SIZE);
    }
    return sandbox;
  }

  private static Duration soakLength() {
    long minutes = Long.getLong("soak.minutes", 0);
    return minutes > 0
        ? Duration.ofMinutes(minutes)
        : Duration.ofSeconds(Long.getLong("soak.seconds", 12));
  }

  private static Set<String> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(t -> t.getName() + "#" + t.getId())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Threads started since {@code before} that are still alive after waiting up to {@code wait}. */
  private static Set<String> threadsLeftAfter(Set<String> before, Duration wait)
      throws InterruptedException {
    long until = System.nanoTime() + wait.toNanos();
    Set<String> left;
    do {
      left = liveThreads();
      left.removeAll(before);
      left.removeIf(
          name -> ALLOWED_NEW_THREADS.matcher(name.substring(0, name.lastIndexOf('#'))).matches());
      if (left.isEmpty()) {
        return left;
      }
      // Wait for the threads themselves to end (join), up to the deadline, then look again.
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        long remainingMillis = (until - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
          break;
        }
        if (left.contains(thread.getName() + "#" + thread.getId())) {
          thread.join(remainingMillis);
        }
      }
    } while (System.nanoTime() < until);
    return left;
  }

  /** What a fault-free listing of a pair returns. */
  private static final class Expected {
    final int count;
    final String fingerprint;
    final List<String> digests;

    Expected(int count, String fingerprint, List<String> digests) {
      this.count = count;
      this.fingerprint = fingerprint;
      this.digests = digests;
    }
  }

  /** Totals over every listing of the soak; thread-safe. */
  private static final class Stats {
    final AtomicLong listings = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong losses = new AtomicLong();
    final AtomicLong mismatched = new AtomicLong();
    final AtomicLong resumes = new AtomicLong();
    final Map<String, Integer> failures = new TreeMap<>();
    String faultsServed;
    long requests;

    void add(Expected expected, ResumingReader.Result result) {
      listings.incrementAndGet();
      records.addAndGet(result.digests.size());
      resumes.addAndGet(result.resumes);
      synchronized (failures) {
        result.failures.forEach((type, count) -> failures.merge(type, count, Integer::sum));
      }
      if (result.digests.size() != expected.count
          || !RecordDigests.fingerprint(result.digests).equals(expected.fingerprint)) {
        mismatched.incrementAndGet();
        RecordDigests.Diff diff = RecordDigests.diff(expected.digests, result.digests);
        duplicates.addAndGet(diff.duplicates());
        losses.addAndGet(diff.losses());
      }
    }
  }
}
