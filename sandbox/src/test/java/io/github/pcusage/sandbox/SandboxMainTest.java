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
}
