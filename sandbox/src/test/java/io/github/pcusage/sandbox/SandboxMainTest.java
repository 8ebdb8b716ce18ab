package io.github.pcusage.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxMainTest {
  @Test
  void parsesOptionsIntoARunningSandbox() {
    try (Sandbox sandbox =
        SandboxMain.parse(
                new String[] {
                  "--port",
                  "0",
                  "--seed",
                  "9",
                  "--customers",
                  "2",
                  "--subscriptions",
                  "1",
                  "--records",
                  "12",
                  "--latency-ms",
                  "0",
                  "--faults",
                  "500=0.5,seed=1",
                  "--token",
                  "t",
                  "--next-link",
                  "leading-slash",
                  "--threads",
                  "2",
                  "--page-cache-mb",
                  "3",
                  "--unknown-params",
                  "reject"
                })
            .start()) {
      assertThat(sandbox.dataset().seed()).isEqualTo(9);
      assertThat(sandbox.customerIds()).hasSize(2);
      assertThat(sandbox.faults().rate(Fault.SERVER_ERROR)).isEqualTo(0.5);
      assertThat(sandbox.pageCacheBytes()).isEqualTo(3L << 20);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SandboxMain.describe(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(printed)
          .contains(sandbox.baseUrl(), sandbox.customerIds().get(0), "scenario-not-ready-2");
    }
  }

  @Test
  void pageCacheSizeFromTheCommandLineServesAListingOverHttp() {
    for (String mb : new String[] {"0", "1", "64"}) {
      try (Sandbox sandbox =
          SandboxMain.parse(new String[] {"--records", "400", "--page-cache-mb", mb}).start()) {
        String c = sandbox.customerIds().get(0);
        String path =
            SandboxHttp.utilization(
                c,
                sandbox.subscriptionIds(c).get(0),
                "start_time=2026-09-01T00:00:00Z&end_time=2026-12-01T00:00:00Z&size=50");

        assertThat(sandbox.pageCacheBytes()).isEqualTo(Long.parseLong(mb) << 20);
        assertThat(SandboxHttp.items(new SandboxHttp(sandbox).walk(path))).hasSize(400);
      }
    }
  }

  @Test
  void unknownParamsOptionMakesTheSandboxStrict() {
    try (Sandbox strict = SandboxMain.parse(new String[] {"--unknown-params", "reject"}).start();
        Sandbox lenient = SandboxMain.parse(new String[0]).start()) {
      String c = strict.customerIds().get(0);
      String path = SandboxHttp.summary(c, strict.subscriptionIds(c).get(0)) + "?unexpected=1";

      assertThat(new SandboxHttp(strict).get(path).statusCode()).isEqualTo(400);
      assertThat(new SandboxHttp(lenient).get(path).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void rateCardAndCustomerListOptionsReachTheSandbox() {
    try (Sandbox sandbox =
        SandboxMain.parse(
                new String[] {
                  "--customers", "3",
                  "--records", "62",
                  "--unpriced-meters", "2",
                  "--rate-card-meters", "50",
                  "--rate-card-latency-ms", "1",
                  "--customer-list-end", "code-2000"
                })
            .start()) {
      SandboxHttp http = new SandboxHttp(sandbox);
      JsonNode card = SandboxHttp.json(http.get("/v1/ratecards/azure"));
      JsonNode customers = SandboxHttp.json(http.get("/v1/customers"));

      assertThat(sandbox.unpricedMeterIds()).hasSize(2);
      assertThat(card.path("meters")).hasSize(50);
      assertThat(card.toString()).doesNotContain(sandbox.unpricedMeterIds().get(0));
      assertThat(customers.path("items")).hasSize(3);
      assertThat(http.next(customers).statusCode()).isEqualTo(400);
    }
  }

  @Test
  void newOptionsAreSharedWithTheCli() {
    assertThat(SandboxOption.shared())
        .contains(
            SandboxOption.UNPRICED_METERS,
            SandboxOption.RATE_CARD_METERS,
            SandboxOption.RATE_CARD_LATENCY_MS,
            SandboxOption.CUSTOMER_LIST_END);
  }

  @Test
  void rejectsUnknownOptionsAndBadValues() {
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--colour", "red"}))
        .hasMessageContaining("unknown option --colour");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port"}))
        .hasMessageContaining("missing value of option --port");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--records", "many"}))
        .hasMessageContaining("--records needs a number");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--faults", "x=1"}))
        .hasMessageContaining("unknown fault spec key 'x'");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--next-link", "absolute"}))
        .hasMessageContaining("relative, leading-slash or v1");
  }

  @Test
  void namesTheOptionWhoseValueTheSandboxRefuses() {
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "70000"}))
        .hasMessage("--port: port out of range: 70000");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--customers", "0"}))
        .hasMessage("--customers: customers < 1: 0");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--faults", "x=1"}))
        .hasMessageStartingWith("--faults: unknown fault spec key 'x'");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--page-cache-mb", "-1"}))
        .hasMessage("--page-cache-mb: page cache < 0 MiB: -1");
    assertThatThrownBy(
            () -> SandboxMain.parse(new String[] {"--page-cache-mb", "9223372036854775807"}))
        .hasMessageStartingWith("--page-cache-mb: page cache too large");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--unknown-params", "maybe"}))
        .hasMessage("--unknown-params: expected ignore or reject: maybe");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--unpriced-meters", "17"}))
        .hasMessage("--unpriced-meters: unpriced meters must be 0 to 16: 17");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--rate-card-meters", "-1"}))
        .hasMessage("--rate-card-meters: rate card meters must be 0 to 1000000: -1");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--rate-card-latency-ms", "-5"}))
        .hasMessageStartingWith("--rate-card-latency-ms: rate card latency < 0");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--customer-list-end", "never"}))
        .hasMessage("--customer-list-end: expected last-page or code-2000: never");
  }

  @Test
  void usageListsEveryOptionWithItsDefault() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SandboxMain.usage(new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .contains(
            "  --port P           Port on 127.0.0.1; 0 picks a free one (default: 0).",
            "  --records K        Daily records per subscription (default: 2500).",
            "  --token T          The only bearer token accepted; without it, any non-empty token.",
            "  --threads N        Threads that serve requests (default: 16).",
            "  --page-cache-mb MB Memory for rendered pages, in MiB; 0 renders every page"
                + " (default: 64).",
            "  --unknown-params MODE Unknown query parameters: ignore, or reject with a 400"
                + " (default: ignore).");
  }

  @Test
  void declaredDefaultsAreTheBuildersDefaults() {
    Sandbox.Builder declared = Sandbox.builder();
    for (SandboxOption option : SandboxOption.values()) {
      if (option.defaultValue() != null) {
        option.apply(declared, option.parse(option.defaultValue()));
      }
    }
    try (Sandbox fromDeclared = declared.start();
        Sandbox fromBuilder = Sandbox.builder().start()) {
      assertThat(fromDeclared.dataset().seed()).isEqualTo(fromBuilder.dataset().seed());
      assertThat(fromDeclared.customerIds()).isEqualTo(fromBuilder.customerIds());
      String customer = fromBuilder.customerIds().get(0);
      assertThat(fromDeclared.subscriptionIds(customer))
          .isEqualTo(fromBuilder.subscriptionIds(customer));
      assertThat(fromDeclared.dataset().recordsPerSubscription())
          .isEqualTo(fromBuilder.dataset().recordsPerSubscription());
      assertThat(fromDeclared.faults()).isEqualTo(fromBuilder.faults());
      assertThat(fromDeclared.pageCacheBytes()).isEqualTo(fromBuilder.pageCacheBytes());
    }
  }
}
