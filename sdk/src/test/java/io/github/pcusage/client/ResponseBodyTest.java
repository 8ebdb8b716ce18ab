package io.github.pcusage.client;

import static io.github.pcusage.client.Fixtures.CUSTOMER;
import static io.github.pcusage.client.Fixtures.NOW;
import static io.github.pcusage.client.Fixtures.SUBSCRIPTION;
import static io.github.pcusage.client.Fixtures.ids;
import static io.github.pcusage.client.Fixtures.json;
import static io.github.pcusage.client.Fixtures.lastPage;
import static io.github.pcusage.client.Fixtures.pageOfRecords;
import static io.github.pcusage.client.Fixtures.pageWithToken;
import static io.github.pcusage.client.Fixtures.query;
import static io.github.pcusage.client.Fixtures.record;
import static io.github.pcusage.client.Fixtures.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.InvalidResponseException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.TransportException;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Response bodies: exact decimals, bodies that break off or do not fit the schema, bodies too big.
 */
class ResponseBodyTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private PartnerCenterClient.Builder builder() {
    return Fixtures.client(server, sleeper, new MutableClock(NOW));
  }

  private List<AzureUtilizationRecord> listAll(PartnerCenterClient.Builder builder) {
    List<AzureUtilizationRecord> records = new ArrayList<>();
    try (PartnerCenterClient client = builder.build()) {
      client.utilizations(CUSTOMER, SUBSCRIPTION, query()).forEach(records::add);
    }
    return records;
  }

  /** A body that breaks off halfway, as when the connection is reset mid-body. */
  private static MockResponse cutOff(String body) {
    return json(body).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
  }

  /** A body shorter than its Content-Length, then the connection closes. */
  private static MockResponse shorterThanDeclared(String body) {
    String half = body.substring(0, body.length() / 2);
    return json(half)
        .setHeader("Content-Length", String.valueOf(body.length()))
        .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END);
  }

  @Test
  void keepsTheScaleOfDecimals() {
    String items =
        String.join(
            ",",
            record("two", "2.0"),
            record("long", "0.027483999999999993"),
            record("money", "120.56829999999959047160"));
    server.enqueue(json(pageOfRecords(null, items, 3)));

    List<BigDecimal> quantities =
        listAll(builder()).stream()
            .map(AzureUtilizationRecord::getQuantity)
            .collect(Collectors.toList());

    assertThat(quantities.get(0).toPlainString()).isEqualTo("2.0");
    assertThat(quantities.get(0).scale()).isEqualTo(1);
    assertThat(quantities.get(1).toPlainString()).isEqualTo("0.027483999999999993");
    assertThat(quantities.get(2).toPlainString()).isEqualTo("120.56829999999959047160");
  }

  @Test
  void acceptsReadableIdsInRecords() {
    server.enqueue(json(lastPage("sandbox-resource-1", "meter:storage/blob")));

    assertThat(ids(listAll(builder()))).containsExactly("sandbox-resource-1", "meter:storage/blob");
  }

  @Test
  void bodyThatDoesNotFitTheSchemaIsAnInvalidResponseWithPathAndSnippet() {
    String items = String.join(",", record("a", "1.0"), record("b", "\"twelve-and-a-bit\""));
    server.enqueue(json(pageOfRecords(null, items, 2)));
    server.enqueue(json(lastPage("never")));

    InvalidResponseException e = thrown(InvalidResponseException.class, () -> listAll(builder()));

    assertThat(e.getMessage()).contains("$.items[1].quantity").contains("twelve-and-a-bit");
    assertThat(e.continuation()).isPresent();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aFailureFarIntoALargeBodyIsReportedWithThePathAndTheBytesAroundIt() {
    List<String> records =
        IntStream.range(0, 600).mapToObj(i -> record("r" + i)).collect(Collectors.toList());
    records.add(record("bad", "\"twelve-and-a-bit\""));
    String body = pageOfRecords(null, String.join(",", records), records.size());
    assertThat(body.length()).isGreaterThan(2 * 64 * 1024); // beyond the first chunks read
    server.enqueue(json(body));

    InvalidResponseException e = thrown(InvalidResponseException.class, () -> listAll(builder()));

    assertThat(e.getMessage()).contains("$.items[600].quantity").contains("twelve-and-a-bit");
  }

  @Test
  void bodyThatIsNotJsonIsAnInvalidResponse() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/xml")
            .setBody("<Collection><items/></Collection>"));

    InvalidResponseException e = thrown(InvalidResponseException.class, () -> listAll(builder()));

    assertThat(e.getMessage()).contains("$").contains("<Collection>");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesAPageWhoseConnectionIsResetMidBody() {
    server.enqueue(cutOff(lastPage("a", "b", "c")));
    server.enqueue(json(lastPage("a", "b", "c")));

    assertThat(ids(listAll(builder()))).containsExactly("a", "b", "c");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void retriesAPageWhoseBodyIsShorterThanItsContentLength() {
    server.enqueue(shorterThanDeclared(lastPage("a", "b", "c")));
    server.enqueue(json(lastPage("a", "b", "c")));

    assertThat(ids(listAll(builder()))).containsExactly("a", "b", "c");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void bodyCutOffOnEveryAttemptOfAFollowUpPageIsATransportFailureWithItsContinuation() {
    server.enqueue(json(pageWithToken("token-1", "a")));
    for (int i = 0; i < 4; i++) {
      server.enqueue(cutOff(lastPage("b", "c", "d")));
    }
    List<String> seen = new ArrayList<>();

    TransportException e =
        thrown(
            TransportException.class,
            () -> {
              try (PartnerCenterClient client = builder().build()) {
                client
                    .utilizations(CUSTOMER, SUBSCRIPTION, query())
                    .forEach(r -> seen.add(r.getResource().getId()));
              }
            });

    assertThat(seen).containsExactly("a");
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(sleeper.delays)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(e.statusCode()).isZero();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains("4 attempt");
    assertThat(e.continuation()).hasValueSatisfying(c -> assertThat(c.isFirstPage()).isFalse());
  }

  @Test
  void refusesABodyLargerThanMaxResponseBytes() {
    String big =
        lastPage(IntStream.range(0, 20).mapToObj(i -> "record-" + i).toArray(String[]::new));
    assertThat(big.length()).isGreaterThan(2048);
    server.enqueue(json(big));
    server.enqueue(json(big));

    TransportException e =
        thrown(TransportException.class, () -> listAll(builder().maxResponseBytes(2048)));

    assertThat(e.getMessage()).contains("larger than the limit of 2048 bytes");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.delays).isEmpty();
  }

  @Test
  void refusesAChunkedBodyLargerThanMaxResponseBytes() {
    String big =
        lastPage(IntStream.range(0, 20).mapToObj(i -> "record-" + i).toArray(String[]::new));
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setChunkedBody(big, 256));

    TransportException e =
        thrown(TransportException.class, () -> listAll(builder().maxResponseBytes(2048)));

    assertThat(e.getMessage()).contains("larger than the limit of 2048 bytes");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void acceptsABodyWithinMaxResponseBytes() {
    server.enqueue(json(lastPage("a")));

    assertThat(ids(listAll(builder().maxResponseBytes(2048)))).containsExactly("a");
  }
}
