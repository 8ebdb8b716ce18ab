package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  static final String OCTOBER =
      "start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&size=500";

  private static byte[] firstPage(Sandbox sandbox, int customer, int subscription) {
    String c = sandbox.customerIds().get(customer);
    return new SandboxHttp(sandbox)
        .get(utilization(c, sandbox.subscriptionIds(c).get(subscription), OCTOBER))
        .body();
  }

  @Test
  void sameSeedGivesTheSameIdsAndTheSameBytes() {
    try (Sandbox one = Sandbox.builder().seed(42).start();
        Sandbox two = Sandbox.builder().seed(42).start()) {
      assertThat(two.customerIds()).isEqualTo(one.customerIds());
      for (String customer : one.customerIds()) {
        assertThat(two.subscriptionIds(customer)).isEqualTo(one.subscriptionIds(customer));
      }
      assertThat(firstPage(two, 1, 1)).isEqualTo(firstPage(one, 1, 1));
      String c = one.customerIds().get(0);
      String s = one.subscriptionIds(c).get(0);
      SandboxHttp a = new SandboxHttp(one);
      SandboxHttp b = new SandboxHttp(two);
      assertThat(b.get(SandboxHttp.summary(c, s)).body())
          .isEqualTo(a.get(SandboxHttp.summary(c, s)).body());
      assertThat(SandboxHttp.items(b.walk(utilization(c, s, OCTOBER))))
          .isEqualTo(SandboxHttp.items(a.walk(utilization(c, s, OCTOBER))));
    }
  }

  @Test
  void idsAreStableAcrossRunsAndMachines() {
    try (Sandbox sandbox = Sandbox.builder().seed(42).start()) {
      assertThat(sandbox.customerIds())
          .startsWith("d5c78f49-92fc-36ae-acf1-b5cc3aaa9dbd")
          .hasSize(3)
          .allSatisfy(
              id ->
                  assertThat(id)
                      .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
      assertThat(sandbox.subscriptionIds(sandbox.customerIds().get(0)))
          .containsExactly(
              "1c35c894-4536-3e46-92fe-d09c431d6e81", "839bd8ac-d7db-3ce2-aa5a-f0b00c0813d4");
    }
  }

  @Test
  void differentSeedsGiveDifferentData() {
    try (Sandbox one = Sandbox.builder().seed(1).start();
        Sandbox two = Sandbox.builder().seed(2).start()) {
      assertThat(two.customerIds()).doesNotContainAnyElementsOf(one.customerIds());
      // Same ids on both sides: the records still differ with the seed.
      String c = one.customerIds().get(0);
      String s = one.subscriptionIds(c).get(0);
      two.scenarios().records(c, s, 2500);
      List<JsonNode> a = SandboxHttp.items(new SandboxHttp(one).walk(utilization(c, s, OCTOBER)));
      List<JsonNode> b = SandboxHttp.items(new SandboxHttp(two).walk(utilization(c, s, OCTOBER)));
      assertThat(b).isNotEqualTo(a);
    }
  }

  @Test
  void datasetShapeFollowsTheBuilder() {
    try (Sandbox sandbox =
        Sandbox.builder()
            .customers(5)
            .subscriptionsPerCustomer(3)
            .recordsPerSubscription(10)
            .start()) {
      assertThat(sandbox.customerIds()).hasSize(5).doesNotHaveDuplicates();
      assertThat(sandbox.subscriptionIds(sandbox.customerIds().get(4))).hasSize(3);
      assertThat(sandbox.dataset().recordsPerSubscription()).isEqualTo(10);
      assertThat(
              sandbox
                  .dataset()
                  .contains(
                      sandbox.customerIds().get(4),
                      sandbox.subscriptionIds(sandbox.customerIds().get(4)).get(2)))
          .isTrue();
      assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
    }
  }
}
