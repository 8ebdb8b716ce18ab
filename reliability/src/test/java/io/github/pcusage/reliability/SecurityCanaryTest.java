package io.github.pcusage.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pcusage.AccessToken;
import io.github.pcusage.Continuation;
import io.github.pcusage.DataNotReadyPolicy;
import io.github.pcusage.Page;
import io.github.pcusage.PagedIterable;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.RetryPolicy;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.sandbox.Faults;
import io.github.pcusage.sandbox.Sandbox;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Canary secrets: a bearer token and continuation tokens are put through every path that can fail,
 * then everything captured is scanned. The bearer token must appear nowhere: no SLF4J line at any
 * level (slf4j-simple writes TRACE and up to a file, configured in the pom before the first
 * logger), no java.util.logging record (OkHttp's), no exception message, cause or toString, no
 * toString of a public object. Continuation tokens must appear in no log line and no exception
 * text; only the saved {@link Continuation} holds them, by design.
 */
class SecurityCanaryTest {
  private static final String BEARER = "pcu-CANARY-bearer-7c1e5a90f2d84b3e9a61";
  private static final String WRONG_BEARER = "pcu-CANARY-wrong-bearer-0d9b44e1c27a";
  private static final String MOCK_CONTINUATION = "pcu-CANARY-continuation-5e0a8c3f91d2+%3a%3d";
  private static final String CUSTOMER = "ca7a11e5-0000-4000-8000-00000000c001";
  private static final String SUBSCRIPTION = "ca7a11e5-0000-4000-8000-00000000500b";
  private static final UtilizationQuery QUERY = Listings.query(10);

  private final List<Throwable> exceptions = new ArrayList<>();
  private final List<String> objectTexts = new ArrayList<>();
  private final Set<String> continuationTokens = new LinkedHashSet<>();
  private final List<String> julRecords = new ArrayList<>();
  private final Handler julCapture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (julRecords) {
            julRecords.add(
                record.getLevel()
                    + " "
                    + record.getLoggerName()
                    + " "
                    + record.getMessage()
                    + (record.getThrown() == null ? "" : " " + Canaries.dump(record.getThrown())));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level julLevel;

  @BeforeEach
  void captureJavaUtilLogging() {
    Logger root = Logger.getLogger("");
    julLevel = root.getLevel();
    root.setLevel(Level.ALL);
    Logger.getLogger("okhttp3").setLevel(Level.ALL);
    root.addHandler(julCapture);
  }

  @AfterEach
  void stopCapturing() {
    Logger root = Logger.getLogger("");
    root.removeHandler(julCapture);
    root.setLevel(julLevel);
  }

  @Test
  void noBearerTokenAnywhereAndNoContinuationTokenInLogsOrExceptions() throws Exception {
    assertThat(LoggerFactory.getLogger("io.github.pcusage.http").isTraceEnabled())
        .as("slf4j-simple logs TRACE to the file (surefire sets it up before the first logger)")
        .isTrue();
    failEverywhereWithTheSandbox();
    failEverywhereWithMockWebServer();

    assertThat(continuationTokens)
        .as("continuation tokens captured from pages")
        .hasSizeGreaterThan(10);
    assertThat(exceptions).as("exceptions captured").hasSizeGreaterThan(10);
    Set<String> kinds = new LinkedHashSet<>();
    exceptions.forEach(e -> kinds.add(e.getClass().getSimpleName()));
    assertThat(kinds)
        .contains(
            "ServerException",
            "UnauthorizedException",
            "BadRequestException",
            "PagingException",
            "InvalidResponseException",
            "TransportException",
            "ThrottledException",
            "DataNotReadyException");

    // The decoder's snippet did show the region around the token, with the token itself redacted.
    assertThat(exceptions)
        .anySatisfy(
            e -> assertThat(e.getMessage()).contains("MS-ContinuationToken").contains("REDACTED"));

    String log =
        Files.readString(
            Path.of(System.getProperty("reliability.logFile")), StandardCharsets.UTF_8);
    assertThat(log).as("the SDK's debug log of this run").contains("GET /v1/customers/" + CUSTOMER);
    String jul;
    synchronized (julRecords) {
      jul = String.join("\n", julRecords);
    }
    StringBuilder exceptionText = new StringBuilder();
    for (Throwable e : exceptions) {
      exceptionText.append(Canaries.dump(e)).append('\n').append(e).append('\n');
    }
    String objects = String.join("\n", objectTexts);

    for (String secret : List.of(BEARER, WRONG_BEARER)) {
      assertNoPiece("SLF4J log", log, secret, 12);
      assertNoPiece("java.util.logging", jul, secret, 12);
      assertNoPiece(
          "exception messages, causes and toString", exceptionText.toString(), secret, 12);
      assertNoPiece("toString of public objects", objects, secret, 12);
    }
    for (String token : continuationTokens) {
      // The sandbox's tokens share a readable prefix; their secret part follows
      // continuation_token=.
      int at = token.indexOf("continuation_token=");
      String opaque = at >= 0 ? token.substring(at + "continuation_token=".length()) : token;
      assertNoPiece("SLF4J log", log, opaque, 16);
      assertNoPiece("java.util.logging", jul, opaque, 16);
      assertNoPiece(
          "exception messages, causes and toString", exceptionText.toString(), opaque, 16);
      assertNoPiece("toString of pages and other public objects", objects, opaque, 16);
    }
  }

  private static void assertNoPiece(String where, String text, String secret, int window) {
    String piece = Canaries.leakedPiece(text, secret, window);
    if (piece != null) {
      int at = text.indexOf(piece);
      String context = text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 100));
      throw new AssertionError(
          "a piece of a secret, '" + piece + "', found in " + where + ": ..." + context + "...");
    }
  }

  /** Real HTTP against the sandbox, which accepts only the canary bearer token. */
  private void failEverywhereWithTheSandbox() throws Exception {
    Faults faults = Faults.parse("500=0.1,429=0.1,reset=0.08,truncate=0.08,204-next=0.1,seed=5");
    try (Sandbox sandbox =
            Sandbox.builder()
                .customers(1)
                .subscriptionsPerCustomer(1)
                .recordsPerSubscription(10)
                .token(BEARER)
                .faults(faults)
                .start();
        PartnerCenterClient client = client(sandbox.baseUrl(), TokenProvider.of(BEARER));
        PartnerCenterClient wrong = client(sandbox.baseUrl(), TokenProvider.of(WRONG_BEARER))) {
      sandbox.scenarios().pages(CUSTOMER, SUBSCRIPTION, 12, 10);
      PagedIterable<AzureUtilizationRecord> listing =
          client.utilizations(CUSTOMER, SUBSCRIPTION, QUERY);
      objectTexts.add(client.toString());
      objectTexts.add(listing.toString());
      ResumingReader.Result result =
          new ResumingReader(100, exceptions::add, this::remember)
              .read(listing, ResumingReader.Style.PAGES);
      assertThat(result.digests).hasSize(120);

      // 401: the token is refused.
      exceptions.add(
          catchThrowable(
              () -> wrong.utilizations(CUSTOMER, SUBSCRIPTION, QUERY).iterator().hasNext()));
      exceptions.add(catchThrowable(() -> wrong.usageSummary(CUSTOMER, SUBSCRIPTION)));

      // A follow-up page that keeps failing: the exception's continuation holds a token.
      String failing = "ca7a11e5-0000-4000-8000-0000000fa11d";
      sandbox.scenarios().pages(CUSTOMER, failing, 3, 10).nextPageFailing(CUSTOMER, failing, 100);
      Throwable serverError =
          catchThrowable(() -> client.utilizations(CUSTOMER, failing, QUERY).forEach(r -> {}));
      exceptions.add(serverError);
      Continuation stuck = ((PartnerCenterException) serverError).continuation().orElseThrow();
      continuationTokens.addAll(Canaries.headerValues(stuck));

      // A continuation whose token was altered: the service answers 400.
      Continuation altered = alter(stuck);
      exceptions.add(
          catchThrowable(
              () ->
                  client.utilizations(CUSTOMER, failing, QUERY).byPage(altered).forEach(p -> {})));

      // Not ready, then throttled until the retries run out.
      String notReady = "ca7a11e5-0000-4000-8000-000000000204";
      sandbox.scenarios().pages(CUSTOMER, notReady, 1, 10).notReady(CUSTOMER, notReady, 100);
      exceptions.add(
          catchThrowable(() -> client.utilizations(CUSTOMER, notReady, QUERY).forEach(r -> {})));
      String throttled = "ca7a11e5-0000-4000-8000-000000000429";
      sandbox.scenarios().pages(CUSTOMER, throttled, 1, 10).failing(CUSTOMER, throttled, 429, 100);
      exceptions.add(
          catchThrowable(() -> client.utilizations(CUSTOMER, throttled, QUERY).forEach(r -> {})));
      exceptions.add(catchThrowable(() -> client.usageSummary(CUSTOMER, throttled)));
      objectTexts.add(client.usageSummary(CUSTOMER, SUBSCRIPTION).toString());
    }
  }

  /** Failures only a misbehaving server can cause, with a canary continuation token in the page. */
  private void failEverywhereWithMockWebServer() throws IOException {
    continuationTokens.add(MOCK_CONTINUATION);
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      try (PartnerCenterClient client =
          client(server.url("/").toString(), TokenProvider.of(BEARER))) {
        String next =
            next(
                "customers/"
                    + CUSTOMER
                    + "/subscriptions/"
                    + SUBSCRIPTION
                    + "/utilizations/azure?seek_operation=Next",
                MOCK_CONTINUATION);
        // 1. The next link's headers break right after the token (a header that is a number, in
        //    the links the decoder reads): the decoder's snippet shows that region.
        server.enqueue(
            json(
                page(next)
                    .replace(
                        "{\"key\":\"MS-ContinuationToken\",\"value\":\""
                            + MOCK_CONTINUATION
                            + "\"}]",
                        "{\"value\":\""
                            + MOCK_CONTINUATION
                            + "\",\"key\":\"MS-ContinuationToken\"},42]")));
        // 2. The page stops right after the token (a complete 200 whose JSON is cut).
        String whole = page(next);
        String cut =
            whole.substring(0, whole.indexOf(MOCK_CONTINUATION) + MOCK_CONTINUATION.length() + 2);
        for (int i = 0; i < 4; i++) {
          server.enqueue(json(cut));
        }
        // 3. The next link points to another host: refused, with the token never sent.
        server.enqueue(
            json(
                page(
                    next(
                        "http://127.0.0.1:1/v1/customers/x/subscriptions/y/utilizations/azure",
                        MOCK_CONTINUATION))));
        // 4. The service repeats the token it was sent: a paging loop.
        server.enqueue(json(page(next)));
        server.enqueue(json(page(next)));
        // 5. A token that cannot be sent in a header.
        server.enqueue(
            json(
                page(
                    next(
                        "customers/a/subscriptions/b/utilizations/azure?seek_operation=Next",
                        MOCK_CONTINUATION + "\\u0007"))));
        // 6. A 400 answer to a follow-up page.
        server.enqueue(json(page(next)));
        server.enqueue(
            new MockResponse()
                .setResponseCode(400)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"code\":800002,\"description\":\"bad token\"}"));
        for (int i = 0; i < 6; i++) {
          exceptions.add(
              catchThrowable(
                  () -> {
                    for (Page<AzureUtilizationRecord> page :
                        client.utilizations(CUSTOMER, SUBSCRIPTION, QUERY).byPage()) {
                      remember(page);
                    }
                  }));
        }
      }
    }
    exceptions.removeIf(e -> e == null);
  }

  private void remember(Page<AzureUtilizationRecord> page) {
    objectTexts.add(page.toString());
    page.continuation().ifPresent(c -> continuationTokens.addAll(Canaries.headerValues(c)));
  }

  private static PartnerCenterClient client(String baseUrl, TokenProvider tokens) {
    return PartnerCenterClient.builder()
        .baseUrl(baseUrl)
        .tokenProvider(tokens)
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
        .dataNotReadyPolicy(DataNotReadyPolicy.of(1, Duration.ZERO, Duration.ZERO))
        .sleeper(new RecordingSleeper())
        .build();
  }

  @Test
  void toStringOfTokensAndProvidersHidesTheToken() throws Exception {
    List<String> texts =
        List.of(
            AccessToken.of(BEARER, Instant.MAX).toString(),
            TokenProvider.of(BEARER).toString(),
            TokenProvider.of(BEARER).getToken().toString(),
            client("https://api.partnercenter.microsoft.com", TokenProvider.of(BEARER)).toString());
    for (String text : texts) {
      assertThat(text).doesNotContain(BEARER).doesNotContain(BEARER.substring(0, 12));
    }
  }

  /** The same continuation with one character of its token changed. */
  private static Continuation alter(Continuation c) {
    String saved = c.encode();
    String json =
        new String(Base64.getUrlDecoder().decode(saved.substring(5)), StandardCharsets.UTF_8);
    String token = Canaries.headerValues(c).get(0);
    int at = token.indexOf("continuation_token=") + "continuation_token=".length() + 3;
    char swapped = token.charAt(at) == 'A' ? 'B' : 'A';
    String changed = token.substring(0, at) + swapped + token.substring(at + 1);
    return Continuation.parse(
        "pcu1."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.replace(token, changed).getBytes(StandardCharsets.UTF_8)));
  }

  private static String next(String uri, String token) {
    return "{\"uri\":\""
        + uri
        + "\",\"method\":\"GET\",\"headers\":[{\"key\":\"MS-ContinuationToken\",\"value\":\""
        + token
        + "\"}]}";
  }

  private static String page(String nextJson) {
    String record =
        "{\"usageStartTime\":\"2026-10-01T00:00:00-07:00\",\"usageEndTime\":\"2026-10-02T00:00:00-07:00\","
            + "\"resource\":{\"id\":\"r1\",\"name\":\"n\"},\"quantity\":1.5,\"unit\":\"1 Hour\"}";
    return "{\"totalCount\":1,\"items\":["
        + record
        + "],\"links\":{\"self\":{\"uri\":\"customers/x\",\"method\":\"GET\","
        + "\"headers\":[]},\"next\":"
        + nextJson
        + "},\"attributes\":{\"objectType\":\"Collection\"}}";
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }
}
