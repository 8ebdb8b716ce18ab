package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.pageWithToken;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.status;
import static io.github.pcusage.client.TestData.thrown;
import static io.github.pcusage.testing.MockPartnerCenter.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.AccessToken;
import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.TokenProvider;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bearer tokens: cached, refreshed before expiry and once after a 401, never more. */
class AuthTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  /** Hands out token-1, token-2, ... each valid for ten minutes from the clock's now. */
  private final class CountingProvider implements TokenProvider {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public AccessToken getToken() {
      int n = calls.incrementAndGet();
      return AccessToken.of("token-" + n, pc.clock().instant().plus(Duration.ofMinutes(10)));
    }
  }

  private PartnerCenterClient client(TokenProvider provider) {
    return pc.client().tokenProvider(provider).prefetch(false).build();
  }

  private List<String> authorizations() throws InterruptedException {
    return pc.takeAll().stream()
        .map(r -> r.getHeader("Authorization"))
        .collect(Collectors.toList());
  }

  @Test
  void sendsTheBearerToken() throws InterruptedException {
    pc.enqueue(json(lastPage("a")));
    try (PartnerCenterClient client = pc.client().build()) {
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }

    assertThat(pc.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void retriesOnceWithARefreshedTokenAfter401() throws InterruptedException {
    CountingProvider provider = new CountingProvider();
    pc.enqueue(status(401));
    pc.enqueue(json(lastPage("a")));

    try (PartnerCenterClient client = client(provider)) {
      assertThat(ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()))).containsExactly("a");
    }

    assertThat(provider.calls).hasValue(2);
    assertThat(authorizations()).containsExactly("Bearer token-1", "Bearer token-2");
    assertThat(pc.sleeper().delays()).isEmpty();
  }

  @Test
  void surfaces401AfterOneRefresh() {
    CountingProvider provider = new CountingProvider();
    pc.enqueue(status(401).setBody("{\"code\": 900, \"description\": \"Token expired.\"}"));
    pc.enqueue(status(401).setBody("{\"code\": 900, \"description\": \"Token expired.\"}"));
    pc.enqueue(json(lastPage("a")));

    UnauthorizedException e =
        thrown(
            UnauthorizedException.class,
            () -> {
              try (PartnerCenterClient client = client(provider)) {
                ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
              }
            });

    assertThat(pc.server().getRequestCount()).isEqualTo(2);
    assertThat(provider.calls).hasValue(2);
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.description()).isEqualTo("Token expired.");
  }

  @Test
  void reusesTheCachedTokenWhileItIsFresh() throws InterruptedException {
    CountingProvider provider = new CountingProvider();
    pc.enqueue(json(pageWithToken("token-a", "a")));
    pc.enqueue(json(lastPage("b")));

    try (PartnerCenterClient client = client(provider)) {
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }

    assertThat(provider.calls).hasValue(1);
    assertThat(authorizations()).containsOnly("Bearer token-1");
  }

  @Test
  void refreshesATokenThatExpiresInTheMiddleOfAListing() throws InterruptedException {
    CountingProvider provider = new CountingProvider();
    pc.enqueue(json(pageWithToken("token-a", "a")));
    pc.enqueue(json(lastPage("b")));

    try (PartnerCenterClient client = client(provider)) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();
      pages.next();
      // token-1 expires at now + 10 min; refreshed from expiry minus the 2 min skew on.
      pc.clock().advance(Duration.ofMinutes(8).plusSeconds(1));
      pages.next();
    }

    assertThat(provider.calls).hasValue(2);
    assertThat(authorizations()).containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void keepsATokenUntilExpiryMinusTheConfiguredSkew() throws InterruptedException {
    CountingProvider provider = new CountingProvider();
    pc.enqueue(json(pageWithToken("token-a", "a")));
    pc.enqueue(json(lastPage("b")));

    try (PartnerCenterClient client =
        pc.client()
            .tokenProvider(provider)
            .prefetch(false)
            .tokenRefreshSkew(Duration.ofSeconds(30))
            .build()) {
      Iterator<Page<AzureUtilizationRecord>> pages =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator();
      pages.next();
      pc.clock().advance(Duration.ofMinutes(9));
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
    pc.enqueue(json(lastPage("a")));

    UnauthorizedException e =
        thrown(
            UnauthorizedException.class,
            () -> {
              try (PartnerCenterClient client = client(failing)) {
                ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
              }
            });

    assertThat(pc.server().getRequestCount()).isZero();
    assertThat(calls).hasValue(1);
    assertThat(e.getMessage()).contains("token").contains("Entra ID is unreachable");
    assertThat(pc.sleeper().delays()).isEmpty();
  }

  @Test
  void aTokenProviderReturningNullIsUnauthorized() {
    pc.enqueue(json(lastPage("a")));

    thrown(
        UnauthorizedException.class,
        () -> {
          try (PartnerCenterClient client = client(() -> null)) {
            ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
          }
        });

    assertThat(pc.server().getRequestCount()).isZero();
  }

  @Test
  void tokenProviderOfAFixedTokenNeverExpires() throws IOException {
    AccessToken token = TokenProvider.of(TOKEN).getToken();

    assertThat(token.token()).isEqualTo(TOKEN);
    assertThat(token.expiresAt()).isEqualTo(Instant.MAX);
  }
}
