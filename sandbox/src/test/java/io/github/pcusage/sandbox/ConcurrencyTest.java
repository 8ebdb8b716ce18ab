package io.github.pcusage.sandbox;

import static io.github.pcusage.sandbox.SandboxHttp.items;
import static io.github.pcusage.sandbox.SandboxHttp.utilization;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrencyTest {
  static final String ALL =
      "start_time=2026-09-01T00:00:00Z&end_time=2026-12-01T00:00:00Z&size=100";

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(5).recordsPerSubscription(900).threads(4).build();

  @Test
  void concurrentClientsEachGetTheirWholeListing() throws Exception {
    SandboxHttp http = new SandboxHttp(sandbox);
    List<String[]> pairs = new ArrayList<>();
    for (String customer : sandbox.customerIds()) {
      for (String subscription : sandbox.subscriptionIds(customer)) {
        pairs.add(new String[] {customer, subscription});
        pairs.add(new String[] {customer, subscription});
      }
    }
    ExecutorService clients = Executors.newFixedThreadPool(12);
    try {
      List<Future<List<JsonNode>>> listings = new ArrayList<>();
      for (String[] pair : pairs) {
        listings.add(clients.submit(() -> items(http.walk(utilization(pair[0], pair[1], ALL)))));
      }
      for (int i = 0; i < pairs.size(); i += 2) {
        List<JsonNode> one = listings.get(i).get(60, TimeUnit.SECONDS);
        List<JsonNode> twin = listings.get(i + 1).get(60, TimeUnit.SECONDS);
        assertThat(one).hasSize(900);
        assertThat(twin).isEqualTo(one);
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(sandbox.requestCount()).isEqualTo(12L * 9);
  }
}
