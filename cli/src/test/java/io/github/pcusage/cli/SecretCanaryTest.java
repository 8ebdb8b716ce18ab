package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.Faults;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary values for the bearer token (in the token variable, and with a {@code Bearer } prefix in
 * {@code PARTNER_CENTER_TOKEN}) and for {@code AZURE_CLIENT_SECRET} are set for every command (some
 * thirty: successes, {@code --verbose}, 401, 403, 404, 500, 429, 204, a truncated body, a failed
 * follow-up page with its resume message and the resume, an export failure summary and its resume,
 * usage errors, {@code --help}); stdout, stderr (also the JVM's own System.out/err during each
 * run), every checkpoint, partial, manifest and output file are scanned. Continuation tokens of the
 * listings, taken from the sandbox itself, must appear in no stderr line either; only the
 * checkpoints hold them, and those are mode 0600. (The Entra ID client-secret sign-in is in {@code
 * SecretCanaryIT}: azure-identity's own retries make it slow in-process.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretCanaryTest {
  static final String BEARER = "canary-bearer-6c1f0e8a9d42";
  static final String SECRET = "canary-client-secret-3b7e52f1";
  static final String TOKEN_ENV = "PCUSAGE_CANARY_TOKEN";
  static final Map<String, String> ENV =
      Map.of(
          TOKEN_ENV,
          BEARER,
          "PARTNER_CENTER_TOKEN",
          "Bearer " + BEARER,
          "AZURE_CLIENT_SECRET",
          SECRET,
          "AZURE_CLIENT_CERTIFICATE_PASSWORD",
          SECRET);
  static final int PAGE = 10;

  @RegisterExtension static final SandboxExtension sandbox = Cli.smallSandboxExtension();

  @RegisterExtension
  static final SandboxExtension locked =
      SandboxExtension.builder()
          .seed(42)
          .customers(1)
          .subscriptionsPerCustomer(1)
          .recordsPerSubscription(30)
          .token("the-only-accepted-token")
          .build();

  @RegisterExtension
  static final SandboxExtension truncating =
      SandboxExtension.builder()
          .seed(42)
          .customers(1)
          .subscriptionsPerCustomer(1)
          .recordsPerSubscription(30)
          .faults(Faults.parse("truncate=1,seed=3"))
          .build();

  String customer;
  String subscription;

  /** Every continuation token the sandbox hands out for the listings the commands run. */
  final Set<String> continuationTokens = new LinkedHashSet<>();

  final List<Captured> runs = new ArrayList<>();

  @TempDir static Path tmp;

  @BeforeAll
  void runEveryCommandWithCanaries() throws Exception {
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
    String other = sandbox.subscriptionIds(customer).get(1);
    continuationTokens.addAll(tokensOf(customer, subscription));
    continuationTokens.addAll(tokensOf(customer, other));

    // successes
    run(
        "stdout, verbose, default token variable with 'Bearer '",
        listing(sandbox, customer, subscription, "--verbose"));
    run(
        "file, verbose",
        listing(
            sandbox,
            customer,
            subscription,
            "--verbose",
            "--out",
            file("ok.jsonl"),
            "--token-env",
            TOKEN_ENV));
    run("csv, verbose", listing(sandbox, customer, subscription, "--verbose", "--format", "csv"));
    run(
        "usage summary, verbose",
        "usage-summary",
        "--base-url",
        sandbox.baseUrl(),
        "--customer",
        customer,
        "--subscription",
        subscription,
        "--verbose",
        "--token-env",
        TOKEN_ENV);

    // failures
    run(
        "401",
        listing(
            locked,
            locked.customerIds().get(0),
            locked.subscriptionIds(locked.customerIds().get(0)).get(0),
            "--verbose",
            "--token-env",
            TOKEN_ENV));
    run(
        "401 summary",
        "usage-summary",
        "--base-url",
        locked.baseUrl(),
        "--customer",
        customer,
        "--subscription",
        subscription,
        "--verbose");
    run("403", listing(sandbox, "scenario-forbidden", subscription, "--verbose"));
    run(
        "500",
        listing(
            sandbox,
            "scenario-server-error",
            subscription,
            "--verbose",
            "--retry-max-attempts",
            "2"));
    run(
        "429",
        listing(
            sandbox, "scenario-throttled", subscription, "--verbose", "--retry-max-attempts", "2"));
    run("204", listing(sandbox, "scenario-not-ready", subscription, "--verbose", "--no-wait"));
    run(
        "truncated body",
        listing(
            truncating,
            truncating.customerIds().get(0),
            truncating.subscriptionIds(truncating.customerIds().get(0)).get(0),
            "--verbose",
            "--retry-max-attempts",
            "1"));
    run("404", listing(sandbox, "scenario-not-found", subscription, "--verbose"));

    // a failed follow-up page, its resume message, the resume
    sandbox.scenarios().nextPageFailing(customer, other, 2);
    Captured failed =
        run(
            "paging failure, resume message",
            listing(
                sandbox,
                customer,
                other,
                "--verbose",
                "--retry-max-attempts",
                "2",
                "--format",
                "csv",
                "--out",
                file("paging.csv")));
    assertThat(failed.code).as(failed.stderr).isEqualTo(5);
    assertThat(Files.readString(tmp.resolve("paging.csv.checkpoint"))).contains("pages=1");
    copyCheckpoint("paging.csv.checkpoint");
    Captured resumed = run("resume", withVerbose(Cli.resumeArgs(failed.stderr)));
    assertThat(resumed.code).as(resumed.stderr).isZero();

    // an export with unfinished targets: the failure summary, then the resume
    Path targets =
        Files.writeString(
            tmp.resolve("targets.csv"),
            "customer,subscription\n"
                + customer
                + ","
                + subscription
                + "\nscenario-server-error-3,"
                + subscription
                + "\n"
                + customer
                + ","
                + other
                + "\n");
    sandbox.scenarios().nextPageFailing(customer, other, 2);
    Captured export =
        run(
            "export failure summary",
            "export",
            "--base-url",
            sandbox.baseUrl(),
            "--targets",
            targets.toString(),
            "--start",
            "2026-10-01",
            "--end",
            "2026-11-01",
            "--page-size",
            String.valueOf(PAGE),
            "--retry-max-wait",
            "0",
            "--retry-max-attempts",
            "2",
            "--verbose",
            "--out",
            file("export.jsonl"));
    assertThat(export.code).as(export.stderr).isEqualTo(7);
    assertThat(export.stderr).contains("2 unfinished of 3 targets");
    copyCheckpoint(
        "export.jsonl.parts/"
            + ExportParts.key(new Target(customer, other, 0))
            + ".jsonl.checkpoint");
    Captured exportResumed = run("export resume", withVerbose(Cli.resumeArgs(export.stderr)));
    assertThat(exportResumed.code).as(exportResumed.stderr).isZero();

    // usage errors and help
    // a secret typed as an option value by mistake is not repeated either
    run("unknown option", listing(sandbox, customer, subscription, "--token", BEARER));
    run("unknown option=", listing(sandbox, customer, subscription, "--client-secret=" + SECRET));
    run("stray argument", listing(sandbox, customer, subscription, SECRET));
    run("unknown top-level option", "--token=" + BEARER);
    run(
        "bad token variable",
        listing(sandbox, customer, subscription, "--token-env", "NOT A NAME"));
    run("client id without tenant", listing(sandbox, customer, subscription, "--client-id", "x"));
    run(
        "missing certificate",
        listing(
            sandbox,
            customer,
            subscription,
            "--tenant",
            "t",
            "--client-id",
            "c",
            "--certificate",
            file("none.pem")));
    run("help", "--help");
    run("utilization help", "utilization", "--help");
    run("export help", "export", "--help");
    run("usage-summary help", "usage-summary", "--help");
    run("sandbox help", "sandbox", "--help");
    run("version", "--version");
  }

  @Test
  void theCommandsRanTheOutcomesTheCanariesNeed() {
    assertThat(runs).hasSizeGreaterThan(25);
    assertThat(codes())
        .containsEntry("stdout, verbose, default token variable with 'Bearer '", 0)
        .containsEntry("401", 4)
        .containsEntry("403", 4)
        .containsEntry("500", 5)
        .containsEntry("429", 5)
        .containsEntry("204", 3)
        .containsEntry("truncated body", 5)
        .containsEntry("404", 5)
        .containsEntry("unknown option", 2)
        .containsEntry("unknown option=", 2)
        .containsEntry("stray argument", 2)
        .containsEntry("help", 0);
    assertThat(continuationTokens).hasSizeGreaterThan(4);
  }

  @Test
  void neitherTheBearerTokenNorTheClientSecretAppearsInAnyOutputOrLog() {
    for (Captured run : runs) {
      for (String secret : List.of(BEARER, SECRET)) {
        assertThat(run.stdout).as("stdout of %s", run.label).doesNotContain(secret);
        assertThat(run.stderr).as("stderr of %s", run.label).doesNotContain(secret);
      }
    }
  }

  @Test
  void neitherTheBearerTokenNorTheClientSecretAppearsInAnyFile() throws IOException {
    List<Path> files = files();
    assertThat(files).anySatisfy(f -> assertThat(f.toString()).endsWith(".checkpoint"));
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(text).as("%s", file).doesNotContain(BEARER).doesNotContain(SECRET);
    }
  }

  @Test
  void continuationTokensAppearInNoStderrLine() {
    for (Captured run : runs) {
      for (String token : continuationTokens) {
        for (String form : forms(token)) {
          assertThat(run.stderr).as("stderr of %s", run.label).doesNotContain(form);
          assertThat(run.stdout).as("stdout of %s", run.label).doesNotContain(form);
        }
      }
      assertThat(run.stderr)
          .as("stderr of %s", run.label)
          .doesNotContain("continuation_token")
          .doesNotContain("opaque/usage-records");
    }
  }

  @Test
  void checkpointsHoldTheContinuationTokenAndAreMode0600() throws IOException {
    Path saved = tmp.resolve("saved-checkpoints");
    List<Path> checkpoints;
    try (Stream<Path> list = Files.list(saved)) {
      checkpoints = list.toList();
    }
    assertThat(checkpoints).hasSize(2);
    for (Path checkpoint : checkpoints) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint)))
          .isEqualTo("rw-------");
      Matcher m =
          Pattern.compile("(?m)^continuation=pcu1\\.(\\S+)$").matcher(Files.readString(checkpoint));
      assertThat(m.find()).as("%s", checkpoint).isTrue();
      String json = new String(Base64.getUrlDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
      assertThat(continuationTokens)
          .as("the scan looks for the token %s holds", checkpoint)
          .anySatisfy(token -> assertThat(json).contains(token));
    }
  }

  private Captured run(String label, String... args) {
    PrintStream systemOut = System.out;
    PrintStream systemErr = System.err;
    ByteArrayOutputStream strayOut = new ByteArrayOutputStream();
    ByteArrayOutputStream strayErr = new ByteArrayOutputStream();
    Cli.Result result;
    try (PrintStream o = new PrintStream(strayOut, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(strayErr, true, StandardCharsets.UTF_8)) {
      System.setOut(o);
      System.setErr(e);
      result = Cli.run(ENV, args);
    } finally {
      System.setOut(systemOut);
      System.setErr(systemErr);
    }
    Captured captured =
        new Captured(
            label,
            result.code,
            result.out() + strayOut.toString(StandardCharsets.UTF_8),
            result.stderr + strayErr.toString(StandardCharsets.UTF_8));
    runs.add(captured);
    return captured;
  }

  private String[] listing(SandboxExtension target, String c, String s, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "utilization",
                "--base-url",
                target.baseUrl(),
                "--customer",
                c,
                "--subscription",
                s,
                "--start",
                "2026-10-01",
                "--end",
                "2026-11-01",
                "--page-size",
                String.valueOf(PAGE),
                "--retry-max-wait",
                "0"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  private static String[] withVerbose(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--verbose")) {
      all.add("--verbose");
    }
    return all.toArray(new String[0]);
  }

  private String file(String name) {
    return tmp.resolve(name).toString();
  }

  /** Keeps a copy of a checkpoint (it is deleted once its listing completes), mode included. */
  private void copyCheckpoint(String name) throws IOException {
    Path saved = Files.createDirectories(tmp.resolve("saved-checkpoints"));
    Path from = tmp.resolve(name);
    Files.copy(
        from, saved.resolve(from.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(tmp)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private Map<String, Integer> codes() {
    Map<String, Integer> codes = new HashMap<>();
    runs.forEach(r -> codes.put(r.label, r.code));
    return codes;
  }

  /**
   * The token as sent, URL-decoded, URL-encoded, and its distinctive middle (at least 24 chars).
   */
  private static List<String> forms(String token) {
    List<String> forms =
        new ArrayList<>(
            List.of(
                token,
                URLDecoder.decode(token.replace("+", "%2B"), StandardCharsets.UTF_8),
                URLEncoder.encode(token, StandardCharsets.UTF_8)));
    int at = token.indexOf("continuation_token=");
    if (at >= 0) {
      String value = token.substring(at + "continuation_token=".length());
      forms.add(value.substring(0, Math.min(value.length(), 24)));
    }
    return forms;
  }

  /** Follows the October listing of a pair in pages of {@link #PAGE}, collecting its tokens. */
  private List<String> tokensOf(String c, String s) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<String> tokens = new ArrayList<>();
    String token = null;
    Pattern next =
        Pattern.compile("\"next\":\\{.*?\"key\":\"MS-ContinuationToken\",\"value\":\"([^\"]+)\"");
    do {
      String url =
          sandbox.baseUrl()
              + "/v1/customers/"
              + c
              + "/subscriptions/"
              + s
              + "/utilizations/azure"
              + (token == null
                  ? "?start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&size=" + PAGE
                  : "?seek_operation=Next");
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer x");
      if (token != null) {
        request.header("MS-ContinuationToken", token);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      Matcher m = next.matcher(response.body());
      token = m.find() ? m.group(1) : null;
      if (token != null) {
        tokens.add(token);
      }
    } while (token != null);
    return tokens;
  }

  /** What one run printed. */
  static final class Captured {
    final String label;
    final int code;
    final String stdout;
    final String stderr;

    Captured(String label, int code, String stdout, String stderr) {
      this.label = label;
      this.code = code;
      this.stdout = stdout;
      this.stderr = stderr;
    }
  }
}
