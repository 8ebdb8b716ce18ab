package io.github.pcusage.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.InvalidResponseException;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.TransportException;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random and damaged pages served over HTTP to the real client: the page's records exactly as the
 * generator intended, or {@link InvalidResponseException} (a body that is not a valid page) or
 * {@link TransportException}, each with a continuation; never another exception, never a hang.
 */
class ClientDecodingPropertyTest {
  private static final UtilizationQuery QUERY =
      UtilizationQuery.builder()
          .startTime(OffsetDateTime.parse("2026-10-01T00:00:00Z"))
          .endTime(OffsetDateTime.parse("2026-11-01T00:00:00Z"))
          .build();
  private static EchoServer server;
  private static PartnerCenterClient client;

  @BeforeContainer
  static void start() throws Exception {
    server = new EchoServer();
    client =
        PartnerCenterClient.builder()
            .baseUrl(server.baseUrl())
            .tokenProvider(TokenProvider.of("t"))
            .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
            .sleeper(d -> {})
            .readTimeout(Duration.ofSeconds(10))
            .prefetch(false)
            .build();
  }

  @AfterContainer
  static void stop() throws Exception {
    client.close();
    server.close();
  }

  @Property(tries = 600)
  void pagesEndAsTheIntendedRecordsOrATypedException(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int damage) {
    Random random = new Random(seed);
    PageSample sample = PageSample.generate(random);
    byte[] body = sample.bytes();
    String kind;
    switch (damage) {
      case 0:
        kind = "intact";
        break;
      case 1:
        kind = "truncated";
        body = Arrays.copyOf(body, random.nextInt(body.length));
        break;
      case 2:
        kind = "byte flipped";
        body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
        break;
      case 3:
        kind = "value replaced";
        List<PageSample.FieldPath> paths = sample.fieldPaths();
        sample.replace(
            paths.get(random.nextInt(paths.size())),
            List.of("[]", "{}", "true", "\"x\"", "1e999999999", "[".repeat(300) + "]".repeat(300))
                .get(random.nextInt(6)));
        body = sample.bytes();
        break;
      default:
        kind = "invalid UTF-8";
        int at = random.nextInt(body.length);
        body[at] = (byte) (0x80 | random.nextInt(0x80));
    }
    byte[] served = body;
    server.answer(served);
    Bounded.Outcome<Page<AzureUtilizationRecord>> outcome =
        Bounded.run(() -> client.utilizations("c", "s", QUERY).byPage().iterator().next(), 30);
    if (outcome.ok()) {
      if (damage == 0) {
        assertThat(outcome.value().items()).isEqualTo(sample.intended);
      }
      if (damage == 1) {
        throw new AssertionError(
            "a truncated page was accepted: "
                + new String(served, java.nio.charset.StandardCharsets.UTF_8));
      }
      Statistics.collect(kind, "records");
      return;
    }
    Throwable thrown = outcome.thrown();
    if (!(thrown instanceof InvalidResponseException) && !(thrown instanceof TransportException)) {
      throw new AssertionError("undocumented failure for a " + kind + " page: " + thrown, thrown);
    }
    assertThat(((io.github.pcusage.PartnerCenterException) thrown).continuation()).isPresent();
    if (damage == 0) {
      throw new AssertionError("an intact page failed", thrown);
    }
    Statistics.collect(kind, thrown.getClass().getSimpleName());
  }
}
