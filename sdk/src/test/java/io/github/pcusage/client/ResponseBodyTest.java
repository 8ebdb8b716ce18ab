package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.pageOfRecords;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.record;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.InvalidResponseException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.TransportException;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Response bodies: exact decimals, bodies that break off or do not fit the schema, bodies too big.
 */
class ResponseBodyTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

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
    pc.enqueue(json(pageOfRecords(null, items, 3)));

    List<BigDecimal> quantities =
        listAll(pc.client()).stream()
            .map(AzureUtilizationRecord::getQuantity)
            .collect(Collectors.toList());

    assertThat(quantities.get(0).toPlainString()).isEqualTo("2.0");
    assertThat(quantities.get(0).scale()).isEqualTo(1);
    assertThat(quantities.get(1).toPlainString()).isEqualTo("0.027483999999999993");
    assertThat(quantities.get(2).toPlainString()).isEqualTo("120.56829999999959047160");
  }

  @Test
  void acceptsReadableIdsInRecords() {
    pc.enqueue(json(lastPage("sandbox-resource-1", "meter:storage/blob")));

    assertThat(ids(listAll(pc.client())))
        .containsExactly("sandbox-resource-1", "meter:storage/blob");
  }

  @Test
  void bodyThatDoesNotFitTheSchemaIsAnInvalidResponseWithPathAndSnippet() {
    String items = String.join(",", record("a", "1.0"), record("b", "\"twelve-and-a-bit\""));
    pc.enqueue(json(pageOfRecords(null, items, 2)));
    pc.enqueue(json(lastPage("never")));

    InvalidResponseException e = thrown(InvalidResponseException.class, () -> listAll(pc.client()));

    assertThat(e.getMessage()).contains("$.items[1].quantity").contains("twelve-and-a-bit");
    assertThat(e.continuation()).isPresent();
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void aFailureFarIntoALargeBodyIsReportedWithThePathAndTheBytesAroundIt() {
    List<String> records =
        IntStream.range(0, 600).mapToObj(i -> record("r" + i)).collect(Collectors.toList());
    records.add(record("bad", "\"twelve-and-a-bit\""));
    String body = pageOfRecords(null, String.join(",", records), records.size());
    assertThat(body.length()).isGreaterThan(2 * 64 * 1024); // beyond the first chunks read
    pc.enqueue(json(body));

    InvalidResponseException e = thrown(InvalidResponseException.class, () -> listAll(pc.client()));

    assertThat(e.getMessage()).contains("$.items[600].quantity").contains("twelve-and-a-bit");
  }

  @Test
  void bodyThatIsNotJsonIsAnInvalidResponse() {
    pc.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/xml")
            .setBody("<Collection><items/></Collection>"));

    InvalidResponseException e = thrown(InvalidResponseException.class, () -> listAll(pc.client()));

    assertThat(e.getMessage()).contains("$").contains("<Collection>");
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenBodies")
  void retriesAPageWhoseBodyBreaksOff(String why, Function<String, MockResponse> broken) {
    pc.enqueue(broken.apply(lastPage("a", "b", "c")));
    pc.enqueue(json(lastPage("a", "b", "c")));

    assertThat(ids(listAll(pc.client()))).containsExactly("a", "b", "c");
    assertThat(pc.server().getRequestCount()).isEqualTo(2);
    assertThat(pc.sleeper().delays()).containsExactly(Duration.ofSeconds(1));
  }

  static Stream<Arguments> brokenBodies() {
    return Stream.of(
        Arguments.of(
            "connection reset mid-body", (Function<String, MockResponse>) ResponseBodyTest::cutOff),
        Arguments.of(
            "shorter than its Content-Length",
            (Function<String, MockResponse>) ResponseBodyTest::shorterThanDeclared));
  }

  @Test
  void bodyCutOffOnEveryAttemptOfAFollowUpPageIsATransportFailureWithItsContinuation() {
    pc.enqueue(json(pageWithToken("token-1", "a")));
    for (int i = 0; i < 4; i++) {
      pc.enqueue(cutOff(lastPage("b", "c", "d")));
    }
    List<String> seen = new ArrayList<>();

    TransportException e =
        thrown(
            TransportException.class,
            () -> {
              try (PartnerCenterClient client = pc.client().build()) {
                client
                    .utilizations(CUSTOMER, SUBSCRIPTION, query())
                    .forEach(r -> seen.add(r.getResource().getId()));
              }
            });

    assertThat(seen).containsExactly("a");
    assertThat(pc.server().getRequestCount()).isEqualTo(5);
    assertThat(pc.sleeper().delays())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(e.statusCode()).isZero();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).contains("4 attempt");
    assertThat(e.continuation()).hasValueSatisfying(c -> assertThat(c.isFirstPage()).isFalse());
  }

  @ParameterizedTest(name = "chunked: {0}")
  @ValueSource(booleans = {false, true})
  void refusesABodyLargerThanMaxResponseBytes(boolean chunked) {
    String big =
        lastPage(IntStream.range(0, 20).mapToObj(i -> "record-" + i).toArray(String[]::new));
    assertThat(big.length()).isGreaterThan(2048);
    pc.enqueue(served(big, chunked), served(big, chunked));

    TransportException e =
        thrown(TransportException.class, () -> listAll(pc.client().maxResponseBytes(2048)));

    assertThat(e.getMessage()).contains("larger than the limit of 2048 bytes");
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
    assertThat(pc.sleeper().delays()).isEmpty();
  }

  /** {@code body} with its Content-Length, or chunked (256-byte chunks) without one. */
  private static MockResponse served(String body, boolean chunked) {
    return chunked
        ? new MockResponse().setHeader("Content-Type", "application/json").setChunkedBody(body, 256)
        : json(body);
  }

  @Test
  void acceptsABodyWithinMaxResponseBytes() {
    pc.enqueue(json(lastPage("a")));

    assertThat(ids(listAll(pc.client().maxResponseBytes(2048)))).containsExactly("a");
  }
}
