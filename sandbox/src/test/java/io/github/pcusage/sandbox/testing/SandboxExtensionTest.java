package io.github.pcusage.sandbox.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import io.github.pcusage.sandbox.Faults;
import io.github.pcusage.sandbox.NextLinkStyle;
import io.github.pcusage.sandbox.Sandbox;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension's lifecycle, checked by running small example classes through the JUnit Platform
 * launcher (surefire skips nested classes, so they run only from here), and its options.
 */
class SandboxExtensionTest {
  /** The sandboxes each example saw, in the order it saw them. */
  static final List<Sandbox> seen = new ArrayList<>();

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder().seed(7).customers(2).subscriptionsPerCustomer(1).build();

  @BeforeEach
  void forget() {
    seen.clear();
  }

  @Test
  void aStaticFieldStartsOneSandboxBeforeAllAndClosesItAfterAll() {
    assertThat(run(PerClassExample.class).getTestsSucceededCount()).isEqualTo(2);

    assertThat(seen).hasSize(4).allSatisfy(s -> assertThat(s).isSameAs(seen.get(0)));
    assertClosed(seen.get(0));
  }

  @Test
  void anInstanceFieldStartsAFreshSandboxForEachTest() {
    assertThat(run(PerTestExample.class).getTestsSucceededCount()).isEqualTo(2);

    assertThat(seen).hasSize(4);
    assertThat(seen.get(1)).isSameAs(seen.get(0));
    assertThat(seen.get(3)).isSameAs(seen.get(2));
    assertThat(seen.get(2)).isNotSameAs(seen.get(0));
    assertClosed(seen.get(0));
    assertClosed(seen.get(2));
  }

  @Test
  void anInstanceFieldOfAPerClassTestIsClassWide() {
    assertThat(run(PerClassInstanceExample.class).getTestsSucceededCount()).isEqualTo(2);

    assertThat(seen).hasSize(3).allSatisfy(s -> assertThat(s).isSameAs(seen.get(0)));
    assertClosed(seen.get(0));
  }

  @Test
  void nestedClassesShareTheSandboxOfTheirEnclosingClass() {
    assertThat(run(NestedExample.class).getTestsSucceededCount()).isEqualTo(2);

    assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s).isSameAs(seen.get(0)));
    assertClosed(seen.get(0));
  }

  @Test
  void aFailingTestStillClosesItsSandbox() {
    TestExecutionSummary summary = run(FailingExample.class);

    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(seen).hasSize(1);
    assertClosed(seen.get(0));
  }

  @Test
  void theRegisteredSandboxHasTheOptionsOfTheBuilder() {
    assertThat(sandbox.sandbox().dataset().seed()).isEqualTo(7);
    assertThat(sandbox.customerIds()).hasSize(2);
    assertThat(sandbox.subscriptionIds(sandbox.customerIds().get(1))).hasSize(1);
    assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
    assertThat(sandbox.requestCount()).isZero();
    assertThat(sandbox.faultCounters().total()).isZero();
    assertThat(sandbox.scenarios()).isSameAs(sandbox.sandbox().scenarios());
  }

  @Test
  void newSandboxStartsAnotherWithTheSameOptionsThatTheCallerCloses() {
    try (Sandbox other = sandbox.newSandbox()) {
      assertThat(other).isNotSameAs(sandbox.sandbox());
      assertThat(other.port()).isNotEqualTo(sandbox.port());
      assertThat(other.customerIds()).isEqualTo(sandbox.customerIds());
      assertThat(other.dataset().seed()).isEqualTo(7);
    }
  }

  @Test
  void theBuildersOptionsReachTheSandbox() throws Exception {
    SandboxExtension configured =
        SandboxExtension.builder()
            .seed(3)
            .customers(1)
            .subscriptionsPerCustomer(3)
            .recordsPerSubscription(12)
            .token("only-this")
            .nextLinkStyle(NextLinkStyle.V1)
            .threads(2)
            .pageCacheBytes(0)
            .latency(Duration.ZERO)
            .build();
    try (Sandbox started = configured.newSandbox()) {
      assertThat(started.dataset().seed()).isEqualTo(3);
      assertThat(started.customerIds()).hasSize(1);
      assertThat(started.subscriptionIds(started.customerIds().get(0))).hasSize(3);
      assertThat(started.dataset().recordsPerSubscription()).isEqualTo(12);
      assertThat(get(started, "Bearer another").statusCode()).isEqualTo(401);
      HttpResponse<String> page = get(started, "Bearer only-this");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("\"uri\":\"/v1/customers/");
    }
    try (Sandbox faulty =
        SandboxExtension.builder().faults("500=0.5,seed=9").build().newSandbox()) {
      assertThat(faulty.faults()).isEqualTo(Faults.parse("500=0.5,seed=9"));
    }
  }

  @Test
  void optionsAreCheckedWhenSet() {
    assertThatThrownBy(() -> SandboxExtension.builder().customers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customers < 1: 0");
    assertThatThrownBy(() -> SandboxExtension.builder().faults((Faults) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("faults == null");
    assertThatThrownBy(() -> SandboxExtension.builder().faults("bogus=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void laterChangesToTheBuilderDoNotChangeABuiltExtension() {
    SandboxExtension.Builder builder = SandboxExtension.builder().customers(1);
    SandboxExtension built = builder.build();
    builder.customers(4);

    try (Sandbox started = built.newSandbox()) {
      assertThat(started.customerIds()).hasSize(1);
    }
  }

  @Test
  void outsideItsLifecycleTheExtensionHasNoSandbox() {
    SandboxExtension unregistered = SandboxExtension.builder().build();

    assertThatThrownBy(unregistered::baseUrl)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no sandbox is running");
    assertThat(unregistered).hasToString("SandboxExtension{not running}");
  }

  private static TestExecutionSummary run(Class<?> example) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request().selectors(selectClass(example)).build(), listener);
    return listener.getSummary();
  }

  private static void assertClosed(Sandbox closed) {
    assertThatThrownBy(() -> new Socket("127.0.0.1", closed.port()).close())
        .isInstanceOf(ConnectException.class);
  }

  /** GETs the first page (5 records) of the first pair's listing for October 2026. */
  private static HttpResponse<String> get(Sandbox target, String authorization) throws Exception {
    String customer = target.customerIds().get(0);
    URI uri =
        URI.create(
            target.baseUrl()
                + "/v1/customers/"
                + customer
                + "/subscriptions/"
                + target.subscriptionIds(customer).get(0)
                + "/utilizations/azure?start_time=2026-10-01T00:00:00Z"
                + "&end_time=2026-11-01T00:00:00Z&size=5");
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", authorization).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  static class PerClassExample {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.builder().customers(1).build();

    @BeforeAll
    static void before() {
      seen.add(sandbox.sandbox());
    }

    @Test
    void one() {
      seen.add(sandbox.sandbox());
    }

    @Test
    void two() {
      seen.add(sandbox.sandbox());
    }

    @AfterAll
    static void after() {
      seen.add(sandbox.sandbox());
    }
  }

  static class PerTestExample {
    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.builder().customers(1).build();

    @BeforeEach
    void before() {
      seen.add(sandbox.sandbox());
    }

    @Test
    void one() {}

    @Test
    void two() {}

    @AfterEach
    void after() {
      seen.add(sandbox.sandbox());
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassInstanceExample {
    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.builder().customers(1).build();

    @BeforeAll
    void before() {
      seen.add(sandbox.sandbox());
    }

    @Test
    void one() {
      seen.add(sandbox.sandbox());
    }

    @Test
    void two() {
      seen.add(sandbox.sandbox());
    }
  }

  static class NestedExample {
    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.builder().customers(1).build();

    @Test
    void outer() {
      seen.add(sandbox.sandbox());
    }

    @Nested
    class Inner {
      @Test
      void inner() {
        seen.add(sandbox.sandbox());
      }
    }
  }

  static class FailingExample {
    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.builder().customers(1).build();

    @Test
    void fails() {
      seen.add(sandbox.sandbox());
      throw new AssertionError("expected by SandboxExtensionTest");
    }
  }
}
