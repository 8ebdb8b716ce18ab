package io.github.pcusage;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Supplies access tokens for the Partner Center API (scope {@code
 * https://api.partnercenter.microsoft.com/.default}).
 *
 * <p>The client caches the token and asks again shortly before it expires (see {@link
 * PartnerCenterClient.Builder#tokenRefreshSkew}) and once after a {@code 401}, so a long listing
 * survives token expiry. Implementations must be thread-safe. With azure-identity:
 *
 * <pre>{@code
 * TokenCredential credential = new ClientSecretCredentialBuilder()...build();
 * TokenRequestContext scope = new TokenRequestContext()
 *     .addScopes("https://api.partnercenter.microsoft.com/.default");
 * TokenProvider provider = () -> {
 *   com.azure.core.credential.AccessToken t = credential.getTokenSync(scope);
 *   return AccessToken.of(t.getToken(), t.getExpiresAt().toInstant());
 * };
 * }</pre>
 */
@FunctionalInterface
public interface TokenProvider {

  /**
   * Returns a valid token, fetching a new one if needed.
   *
   * @return the token
   * @throws IOException if no token could be obtained
   */
  AccessToken getToken() throws IOException;

  /**
   * Returns a provider of one fixed token that never expires as far as the client knows.
   *
   * @param token the bearer token
   * @return the provider
   * @throws IllegalArgumentException if the token is blank
   */
  static TokenProvider of(String token) {
    AccessToken fixed = AccessToken.of(Objects.requireNonNull(token, "token == null"), Instant.MAX);
    return new TokenProvider() {
      @Override
      public AccessToken getToken() {
        return fixed;
      }

      @Override
      public String toString() {
        return "TokenProvider.of(██)";
      }
    };
  }
}
