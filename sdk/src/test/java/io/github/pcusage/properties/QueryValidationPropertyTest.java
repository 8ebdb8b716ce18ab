package io.github.pcusage.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.Granularity;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import okhttp3.HttpUrl;

/**
 * Time ranges, granularities and page sizes: a query is either refused by {@code build()} with an
 * {@link IllegalArgumentException} naming the field at fault, or sent with {@code start_time},
 * {@code end_time} and {@code size} that read back to exactly the values given (same instant, same
 * offset, every fractional digit).
 */
class QueryValidationPropertyTest {
  private static EchoServer server;
  private static PartnerCenterClient client;

  @BeforeContainer
  static void start() throws Exception {
    server = new EchoServer();
    client =
        PartnerCenterClient.builder()
            .baseUrl(server.baseUrl())
            .tokenProvider(TokenProvider.of("t"))
            .retryPolicy(RetryPolicy.none())
            .prefetch(false)
            .build();
  }

  @AfterContainer
  static void stop() throws Exception {
    client.close();
    server.close();
  }

  @Property(tries = 3000)
  void queriesAreRefusedByNameOrSentExactly(
      @ForAll("times") OffsetDateTime start,
      @ForAll("times") OffsetDateTime end,
      @ForAll("granularities") Granularity granularity,
      @ForAll("sizes") int size,
      @ForAll boolean details)
      throws Exception {
    server.drain();
    String expectedField = expectedRefusal(start, end, granularity, size);
    UtilizationQuery query;
    try {
      query =
          UtilizationQuery.builder()
              .startTime(start)
              .endTime(end)
              .granularity(granularity)
              .pageSize(size)
              .showDetails(details)
              .build();
    } catch (IllegalArgumentException e) {
      assertThat(expectedField).as("refused: " + e.getMessage()).isNotNull();
      assertThat(e.getMessage()).startsWith(expectedField);
      Statistics.collect("refused: " + expectedField);
      return;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("not an IllegalArgumentException: " + e, e);
    }
    assertThat(expectedField).as("accepted a query with a bad " + expectedField).isNull();
    try {
      client.utilizations("c", "s", query).iterator().hasNext();
    } catch (RuntimeException | Error e) {
      throw new AssertionError("an accepted query failed the call: " + e, e);
    }
    HttpUrl url = server.take().getRequestUrl();
    assertThat(OffsetDateTime.parse(url.queryParameter("start_time"))).isEqualTo(start);
    assertThat(OffsetDateTime.parse(url.queryParameter("end_time"))).isEqualTo(end);
    assertThat(url.queryParameter("size")).isEqualTo(Integer.toString(size));
    assertThat(url.queryParameter("granularity")).isEqualToIgnoringCase(granularity.getValue());
    assertThat(url.queryParameter("show_details")).isEqualTo(Boolean.toString(details));
    Statistics.collect("sent");
  }

  /** The field {@code build()} must name, in the order it checks them, or null. */
  private static String expectedRefusal(
      OffsetDateTime start, OffsetDateTime end, Granularity g, int size) {
    if (start == null) {
      return "startTime";
    }
    if (end == null) {
      return "endTime";
    }
    if (!start.isBefore(end)) {
      return "startTime";
    }
    if (g == null || g == Granularity.UNKNOWN) {
      return "granularity";
    }
    if (size < 1 || size > UtilizationQuery.MAX_PAGE_SIZE) {
      return "pageSize";
    }
    return null;
  }

  @Provide
  Arbitrary<OffsetDateTime> times() {
    Arbitrary<LocalDateTime> local =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                6,
                Arbitraries.longs()
                    .between(-86_400L * 365 * 200, 86_400L * 365 * 200)
                    .map(s -> LocalDateTime.of(2026, 10, 1, 0, 0).plusSeconds(s))),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.of(
                    LocalDateTime.MIN,
                    LocalDateTime.MAX,
                    LocalDateTime.of(-1, 1, 1, 0, 0),
                    LocalDateTime.of(10_000, 1, 1, 0, 0),
                    LocalDateTime.of(0, 1, 1, 0, 0))));
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 999_999_999),
            Arbitraries.of(0, 1, 100, 999_999_999, 500_000_000));
    Arbitrary<ZoneOffset> offsets =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds),
            Arbitraries.of(
                ZoneOffset.UTC, ZoneOffset.MIN, ZoneOffset.MAX, ZoneOffset.ofHoursMinutes(5, 30)));
    Arbitrary<OffsetDateTime> times =
        Combinators.combine(local, nanos, offsets)
            .as((l, n, o) -> OffsetDateTime.of(l.truncatedTo(ChronoUnit.SECONDS).withNano(n), o));
    return times.injectNull(0.03);
  }

  @Provide
  Arbitrary<Granularity> granularities() {
    return Arbitraries.of(Granularity.class).injectNull(0.05);
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-5, 1005),
        Arbitraries.integers(),
        Arbitraries.of(0, 1, 1000, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE));
  }
}
