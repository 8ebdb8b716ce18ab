package io.github.pcusage.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                  "2"
                })
            .start()) {
      assertThat(sandbox.dataset().seed()).isEqualTo(9);
      assertThat(sandbox.customerIds()).hasSize(2);
      assertThat(sandbox.faults().rate(Fault.SERVER_ERROR)).isEqualTo(0.5);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SandboxMain.describe(sandbox, new PrintStream(out, true, StandardCharsets.UTF_8));
      String printed = out.toString(StandardCharsets.UTF_8);
      assertThat(printed)
          .contains(sandbox.baseUrl(), sandbox.customerIds().get(0), "scenario-not-ready-2");
    }
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
            "  --threads N        Threads that serve requests (default: 16).");
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
    }
  }
}
