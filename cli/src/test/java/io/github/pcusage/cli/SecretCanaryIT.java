package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canaries of {@link SecretCanaryTest}, in the real process ({@code java -jar pcusage.jar}) for
 * what runs only there: the Entra ID client-secret sign-in with {@code --verbose} (azure-identity's
 * own logging included; its retries off and its traffic sent to a closed loopback proxy, so it
 * fails at once and never leaves the machine), and the resume hint printed by the shutdown hook
 * when a listing is interrupted with SIGTERM.
 */
class SecretCanaryIT {
  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder()
          .seed(42)
          .customers(1)
          .subscriptionsPerCustomer(1)
          .recordsPerSubscription(60)
          .latency(Duration.ofMillis(20))
          .build();

  static String customer;
  static String subscription;

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
  }

  @Test
  void clientSecretSignInFailureWithVerboseShowsNoSecret() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> env =
        Map.of(
            "AZURE_CLIENT_SECRET", SecretCanaryTest.SECRET,
            "PARTNER_CENTER_TOKEN", SecretCanaryTest.BEARER,
            "AZURE_REQUEST_RETRY_COUNT", "0");
    try (JarProcess p =
        JarProcess.start(
            tmp,
            "client-secret",
            env,
            List.of(
                "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=" + closedPort,
                "-Dhttp.nonProxyHosts=localhost"),
            listing(
                "--tenant",
                "contoso.onmicrosoft.com",
                "--client-id",
                "00000000-0000-0000-0000-000000000000",
                "--verbose",
                "--out",
                tmp.resolve("signin.jsonl").toString()))) {
      int code = p.await(Duration.ofSeconds(60));

      assertThat(code).as(p.stderrText()).isEqualTo(4);
      assertThat(p.stderrText())
          .contains("Entra ID sign-in failed")
          .contains(
              "Connection refused: /127.0.0.1:" + closedPort); // the sign-in never left the machine
      assertNoCanary(p);
    }
    assertNoCanaryInFiles();
  }

  @Test
  void resumeHintOfAnInterruptedVerboseListingShowsNoSecretAndNoContinuationToken()
      throws Exception {
    Path out = tmp.resolve("interrupted.jsonl");
    Map<String, String> env =
        Map.of(
            "PCUSAGE_CANARY_TOKEN",
            SecretCanaryTest.BEARER,
            "AZURE_CLIENT_SECRET",
            SecretCanaryTest.SECRET);
    try (JarProcess p =
        JarProcess.start(
            tmp,
            "interrupted",
            env,
            listing(
                "--token-env",
                "PCUSAGE_CANARY_TOKEN",
                "--page-size",
                "2",
                "--verbose",
                "--out",
                out.toString()))) {
      Path checkpoint = CheckpointedFile.checkpointOf(out);
      Await.until(
          () -> KillResumeIT.size(CheckpointedFile.partialOf(out)) > 5_000 || !p.isAlive(),
          Duration.ofSeconds(30),
          "a few pages in " + out);
      int code = p.terminate();

      assertThat(code).as(p.stderrText()).isEqualTo(143);
      assertThat(p.stderrText()).contains("pcusage: interrupted. ").contains("--resume");
      assertNoCanary(p);
      assertThat(p.stderrText())
          .doesNotContain("continuation_token")
          .doesNotContain("opaque/usage-records")
          .doesNotContain("MS-ContinuationToken");
      assertThat(Files.readString(checkpoint)).contains("continuation=pcu1.");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint)))
          .isEqualTo("rw-------");
    }
    assertNoCanaryInFiles();
  }

  private static List<String> listing(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "utilization",
                "--base-url",
                sandbox.baseUrl(),
                "--customer",
                customer,
                "--subscription",
                subscription,
                "--start",
                "2026-10-01",
                "--end",
                "2026-11-01",
                "--retry-max-wait",
                "0",
                "--retry-max-attempts",
                "1"));
    args.addAll(List.of(extra));
    return args;
  }

  private static void assertNoCanary(JarProcess p) {
    for (String secret : List.of(SecretCanaryTest.BEARER, SecretCanaryTest.SECRET)) {
      assertThat(p.stdoutText()).doesNotContain(secret);
      assertThat(p.stderrText()).doesNotContain(secret);
    }
  }

  private void assertNoCanaryInFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(tmp)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(text)
            .as("%s", file)
            .doesNotContain(SecretCanaryTest.BEARER)
            .doesNotContain(SecretCanaryTest.SECRET);
      }
    }
  }
}
