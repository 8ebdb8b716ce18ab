package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.NEXT_URI;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.next;
import static io.github.pcusage.client.TestData.page;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.status;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.AccessToken;
import io.github.pcusage.CustomerQuery;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.Page;
import io.github.pcusage.PagingException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.AzureUtilizationRecordCollection;
import io.github.pcusage.model.KeyValuePair;
import io.github.pcusage.testing.MockPartnerCenter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Neither the bearer token nor a continuation token reaches a log line, an exception message or a
 * {@code toString()}; request ids do reach the log.
 */
class RedactionTest {
  private static final String BEARER = "eyJhbGciOiJSUzI1NiJ9.redaction-bearer-secret.c2lnbmF0dXJl";
  private static final String CONTINUATION =
      "/opaque/usage-records?continuation_token=redaction-continuation-secret+eyJ%3a%3d%3d";
  private static final String CONTINUATION_IN_URI = "redaction-uri-secret";
  private static final String NEXT_WITH_SECRET =
      NEXT_URI + "&continuation_token=" + CONTINUATION_IN_URI;
  private static final List<String> SECRETS =
      List.of(
          BEARER,
          CONTINUATION,
          "redaction-continuation-secret",
          CONTINUATION_IN_URI,
          "redaction-bearer-secret");

  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureTheLog() {
    // slf4j-simple writes to whatever System.err is at the time of each log line (io.github.pcusage
    // loggers are at debug level in these tests: src/test/resources/simplelogger.properties).
    originalErr = System.err;
    System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreTheLog() {
    System.setErr(originalErr);
  }

  /** A client that sends {@link #BEARER}. */
  private PartnerCenterClient client() {
    return pc.client().tokenProvider(TokenProvider.of(BEARER)).build();
  }

  private String logs() {
    System.err.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** Lists every record with a client of {@link #client()}. */
  private void listAll() {
    try (PartnerCenterClient client = client()) {
      client.utilizations(CUSTOMER, SUBSCRIPTION, query()).forEach(r -> {});
    }
  }

  private static String pageWithSecretNext(String... ids) {
    return page(next(NEXT_WITH_SECRET, "MS-ContinuationToken", CONTINUATION), ids);
  }

  /** Everything an exception shows: its toString and that of every cause. */
  private static String describe(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t).append('\n');
    }
    return out.toString();
  }

  private static void assertNoSecretIn(String text) {
    for (String secret : SECRETS) {
      assertThat(text).doesNotContain(secret);
    }
  }

  @Test
  void theCustomerListingLogsItsPagingButNeitherTheFilterNorTheToken() {
    pc.enqueue(
        json(DiscoveryData.customersPage(DiscoveryData.NEXT_URI, CONTINUATION, "customer-a")),
        json(DiscoveryData.customersPage(null, null, "customer-b")));

    try (PartnerCenterClient client = client()) {
      client
          .customers(CustomerQuery.builder().companyNameStartsWith("Secretive Bikes").build())
          .forEach(c -> {});
    }

    assertThat(logs())
        .contains("GET /v1/customers?size=500&filter=REDACTED")
        .contains("GET /v1/customers?size=500&seekOperation=Next")
        .doesNotContain("Secretive");
    assertNoSecretIn(logs());
  }

  @Test
  void logsRequestIdsButNeitherTokenThroughRetriesAndFailures() throws InterruptedException {
    pc.enqueue(json(pageWithSecretNext("a")));
    pc.enqueue(status(429).setHeader("Retry-After", "1"));
    pc.enqueue(status(500));
    pc.enqueue(status(401));
    pc.enqueue(
        status(404).setBody("{\"code\": 20003, \"description\": \"Subscription not found.\"}"));

    NotFoundException e = thrown(NotFoundException.class, this::listAll);

    String logs = logs();
    List<String> requestIds =
        pc.takeAll().stream()
            .map(r -> r.getHeader("MS-RequestId"))
            .distinct()
            .collect(Collectors.toList());
    assertThat(requestIds).hasSize(2);
    assertThat(logs)
        .contains(requestIds)
        .contains("REDACTED")
        .contains("-> 429")
        .contains("-> 404");
    assertNoSecretIn(logs);
    assertNoSecretIn(describe(e));
  }

  @Test
  void keepsTokensOutOfPagesAndTheirModels() throws IOException {
    String body = pageWithSecretNext("a");
    pc.enqueue(json(body));
    pc.enqueue(json(lastPage("b")));

    List<Page<AzureUtilizationRecord>> pages = new ArrayList<>();
    try (PartnerCenterClient client = client()) {
      client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().forEach(pages::add);
    }
    AzureUtilizationRecordCollection decoded =
        PartnerCenterJson.<AzureUtilizationRecordCollection>adapter(
                AzureUtilizationRecordCollection.class)
            .fromJson(body);
    KeyValuePair tokenHeader = decoded.getLinks().getNext().getHeaders().get(0);

    assertThat(tokenHeader.getValue()).isEqualTo(CONTINUATION);
    assertNoSecretIn(tokenHeader.toString());
    assertThat(decoded.getLinks().getNext().toString()).doesNotContain(CONTINUATION);
    assertNoSecretIn(pages.toString());
    assertNoSecretIn(logs());
  }

  @Test
  void keepsTheBearerTokenOutOfEveryToString() {
    assertNoSecretIn(AccessToken.of(BEARER, Instant.MAX).toString());
    assertNoSecretIn(TokenProvider.of(BEARER).toString());
    try (PartnerCenterClient client = client()) {
      assertNoSecretIn(client.toString());
    }
  }

  @Test
  void keepsTokensOutOfPagingFailures() {
    pc.enqueue(json(pageWithSecretNext("a")));
    pc.enqueue(json(pageWithSecretNext("b")));

    PagingException e = thrown(PagingException.class, this::listAll);

    assertNoSecretIn(describe(e));
    assertNoSecretIn(logs());
  }

  @Test
  void keepsTheBearerTokenOutOfAuthFailures() {
    pc.enqueue(status(401).setBody("{\"code\": 900, \"description\": \"Invalid token.\"}"));
    pc.enqueue(status(401).setBody("{\"code\": 900, \"description\": \"Invalid token.\"}"));

    UnauthorizedException e = thrown(UnauthorizedException.class, this::listAll);

    assertNoSecretIn(describe(e));
    assertNoSecretIn(logs());
  }

  @Test
  void keepsTheBearerTokenOutOfATransportFailure() throws IOException {
    PartnerCenterException e;
    try (PartnerCenterClient client = client()) {
      pc.server().shutdown();

      e = thrown(PartnerCenterException.class, () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));
    }

    assertNoSecretIn(describe(e));
    assertNoSecretIn(logs());
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws IOException {
      first.write(bytes, off, len);
      second.write(bytes, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
