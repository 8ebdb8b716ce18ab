package io.github.pcusage.client;

import static io.github.pcusage.client.Fixtures.CUSTOMER;
import static io.github.pcusage.client.Fixtures.NOW;
import static io.github.pcusage.client.Fixtures.SUBSCRIPTION;
import static io.github.pcusage.client.Fixtures.TOKEN;
import static io.github.pcusage.client.Fixtures.ids;
import static io.github.pcusage.client.Fixtures.json;
import static io.github.pcusage.client.Fixtures.lastPage;
import static io.github.pcusage.client.Fixtures.pageWithToken;
import static io.github.pcusage.client.Fixtures.query;
import static io.github.pcusage.client.Fixtures.status;
import static io.github.pcusage.client.Fixtures.take;
import static io.github.pcusage.client.Fixtures.takeAll;
import static io.github.pcusage.client.Fixtures.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.AccessToken;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MutableClock;
import io.github.pcusage.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer tokens: cached, refreshed before expiry and once after a 401, never more. */
class AuthTest {
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final MutableClock clock = new MutableClock(NOW);
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = Fixtures.startServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** Hands out token-1, token-2, ... each valid for ten minutes from the clock's now. */
  private final class CountingProvider implements TokenProvider {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public AccessToken getToken() {
      int n = calls.incrementAndGet();
      return AccessToken.of("token-" + n, clock.instant().plus(Duration.ofMinutes(10)));
    }
  }

  private PartnerCenterClient client(TokenProvider provider) {
    return Fixtures.client(server, sleeper, clock).tokenProvider(provider).prefetch(false).build();
  }

  private List<String> authorizations() throws InterruptedException {
    return takeAll(server).stream()
        .map(r -> r.getHeader("Authorization"))
        .collect(Collectors.toList());
  }

  @Test
  void sendsTheBearerToken() throws InterruptedException {
    server.enqueue(json(lastPage("a")));
    try (PartnerCenterClient client = Fixtures.client(server, sleeper, clock).build()) {
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }

    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void retriesOnceWithARefreshedTokenAfter401() throws InterruptedException {
    CountingProvider provider = new CountingProvider();
    server.enqueue(status(401));
    server.enqueue(json(lastPage("a")));

    try (PartnerCenterClient client = client(provider)) {
      assertThat(ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()))).containsExactly("a");
    }

    assertThat(provider.calls).hasValue(2);
    assertThat(authorizations()).containsExactly("Bearer token-1", "Bearer token-2");
    assertThat(sleeper.delays).isEmpty();
  }

  @Test
  void surfaces401AfterOneRefresh() {
    CountingProvider provider = new CountingProvider();
    server.enqueue(status(401).setBody("{\"code\": 900, \"description\": \"Token expired.\"}"));
    server.enqueue(status(401).setBody("{\"code\": 900, \"description\": \"Token expired.\"}"));
    server.enqueue(json(lastPage("a")));

    UnauthorizedException e =
        thrown(
            UnauthorizedException.class,
            () -> {
              try (PartnerCenterClient client = client(provider)) {
                ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
              }
            });

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(provider.calls).hasValue(2);
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.description()).isEqualTo("Token expired.");
  }

  @Test
  void reusesTheCachedTokenWhileItIsFresh() throws InterruptedException {
    CountingProvider provider = new CountingProvider();
    server.enqueue(json(pageWithToken("token-a", "a")));
    server.enqueue(json(lastPage("b")));

    try (PartnerCenterClient client = client(provider)) {
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }

    assertThat(provider.calls).hasValue(1);
    assertThat(authorizations()).containsOnly("Bearer token-1");
  }

  @Test
  void refreshesATokenThatExpiresInTheMiddleOfAListing() throws InterruptedException {
    CountingProvider provider = new CountingProvider();
    server.enqueue(json(pageWithToken("token-a", "a")));
    server.enqueue(json(lastPage("b")));

    try (PartnerCenterClient client = client(provider)) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();
      pages.next();
      // token-1 expires at now + 10 min; refreshed from expiry minus the 2 min skew on.
      clock.advance(Duration.ofMinutes(8).plusSeconds(1));
      pages.next();
    }

    assertThat(provider.calls).hasValue(2);
    assertThat(authorizations()).containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void keepsATokenUntilExpiryMinusTheConfiguredSkew() throws InterruptedException {
    CountingProvider provider = new CountingProvider();
    server.enqueue(json(pageWithToken("token-a", "a")));
    server.enqueue(json(lastPage("b")));

    try (PartnerCenterClient client =
        Fixtures.client(server, sleeper, clock)
            .tokenProvider(provider)
            .prefetch(false)
            .tokenRefreshSkew(Duration.ofSeconds(30))
            .build()) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();
      pages.next();
      clock.advance(Duration.ofMinutes(9));
      pages.next();
    }

    assertThat(provider.calls).hasValue(1);
    assertThat(authorizations()).containsOnly("Bearer token-1");
  }

  @Test
  void aFailingTokenProviderIsUnauthorizedWithoutAnyRequest() {
    AtomicInteger calls = new AtomicInteger();
    TokenProvider failing =
        () -> {
          calls.incrementAndGet();
          throw new IOException("Entra ID is unreachable");
        };
    server.enqueue(json(lastPage("a")));

    UnauthorizedException e =
        thrown(
            UnauthorizedException.class,
            () -> {
              try (PartnerCenterClient client = client(failing)) {
                ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
              }
            });

    assertThat(server.getRequestCount()).isZero();
    assertThat(calls).hasValue(1);
    assertThat(e.getMessage()).contains("token").contains("Entra ID is unreachable");
    assertThat(sleeper.delays).isEmpty();
  }

  @Test
  void aTokenProviderReturningNullIsUnauthorized() {
    server.enqueue(json(lastPage("a")));

    thrown(
        UnauthorizedException.class,
        () -> {
          try (PartnerCenterClient client = client(() -> null)) {
            ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
          }
        });

    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void tokenProviderOfAFixedTokenNeverExpires() throws IOException {
    AccessToken token = TokenProvider.of(TOKEN).getToken();

    assertThat(token.token()).isEqualTo(TOKEN);
    assertThat(token.expiresAt()).isEqualTo(Instant.MAX);
  }
}
