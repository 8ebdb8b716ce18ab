package io.github.pcusage.cli;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.ProxyOptions;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import io.github.pcusage.AccessToken;
import io.github.pcusage.PartnerCenterCloud;
import io.github.pcusage.TokenProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

/**
 * Turns the connection options into a {@link TokenProvider}: a token from an environment variable,
 * or Entra ID through azure-identity (client secret from {@code AZURE_CLIENT_SECRET}, certificate,
 * device code, Azure CLI), with the authority and scope of the chosen cloud.
 */
final class Credentials {
  static final String CLIENT_SECRET_ENV = "AZURE_CLIENT_SECRET";
  static final String CERTIFICATE_PASSWORD_ENV = "AZURE_CLIENT_CERTIFICATE_PASSWORD";
  static final String SANDBOX_TOKEN = "sandbox-token";

  private Credentials() {}

  static TokenProvider tokenProvider(ConnectionOptions o, RunContext ctx) {
    boolean entra =
        o.tenant != null
            || o.clientId != null
            || o.certificate != null
            || o.deviceCode
            || o.azureCli;
    if (o.sandbox) {
      if (entra) {
        throw CliException.usage(
            "--sandbox takes no Entra ID option (--tenant, --client-id, --certificate, --device-code, --azure-cli)");
      }
      String token = ctx.env(o.tokenEnv);
      return TokenProvider.of(token != null ? stripBearer(token) : SANDBOX_TOKEN);
    }
    if (!entra) {
      return fromEnvironment(o, ctx);
    }
    PartnerCenterCloud cloud = o.cloud.cloud;
    TokenCredential credential;
    if (o.azureCli && o.deviceCode) {
      throw CliException.usage("--azure-cli and --device-code exclude each other: choose one");
    }
    if (o.azureCli) {
      if (o.clientId != null || o.certificate != null) {
        throw CliException.usage(
            "--azure-cli takes no --client-id or --certificate: it uses the 'az login' session");
      }
      AzureCliCredentialBuilder builder = new AzureCliCredentialBuilder();
      if (o.tenant != null) {
        builder.tenantId(o.tenant);
      }
      credential = builder.build();
    } else if (o.deviceCode) {
      if (o.certificate != null) {
        throw CliException.usage("--device-code takes no --certificate");
      }
      DeviceCodeCredentialBuilder builder =
          new DeviceCodeCredentialBuilder()
              .authorityHost(cloud.authorityHost())
              .tenantId(o.tenant != null ? o.tenant : "organizations")
              .challengeConsumer(
                  challenge -> {
                    ctx.err.println("pcusage: " + challenge.getMessage());
                    ctx.err.flush();
                  });
      if (o.clientId != null) {
        builder.clientId(o.clientId);
      }
      ProxyOptions proxy = Proxies.signInProxy(ctx.env);
      if (proxy != null) {
        builder.proxyOptions(proxy);
      }
      credential = builder.build();
    } else {
      if (o.tenant == null || o.clientId == null) {
        throw CliException.usage(
            (o.tenant == null ? "--tenant" : "--client-id")
                + " is missing: app-only sign-in needs --tenant and --client-id (or use --device-code, --azure-cli or --token-env)");
      }
      credential = appOnly(o, ctx, cloud);
    }
    return fromCredential(credential, cloud.tokenScope());
  }

  private static TokenCredential appOnly(
      ConnectionOptions o, RunContext ctx, PartnerCenterCloud cloud) {
    if (o.certificate != null) {
      if (!Files.isReadable(o.certificate) || Files.isDirectory(o.certificate)) {
        throw CliException.usage("--certificate: cannot read " + o.certificate);
      }
      ClientCertificateCredentialBuilder builder =
          new ClientCertificateCredentialBuilder()
              .authorityHost(cloud.authorityHost())
              .tenantId(o.tenant)
              .clientId(o.clientId);
      String name = o.certificate.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".pfx") || name.endsWith(".p12")) {
        builder.pfxCertificate(o.certificate.toString());
        String password = ctx.env(CERTIFICATE_PASSWORD_ENV);
        if (password != null) {
          builder.clientCertificatePassword(password);
        }
      } else {
        builder.pemCertificate(o.certificate.toString());
      }
      ProxyOptions proxy = Proxies.signInProxy(ctx.env);
      if (proxy != null) {
        builder.proxyOptions(proxy);
      }
      return builder.build();
    }
    String secret = ctx.env(CLIENT_SECRET_ENV);
    if (secret == null) {
      throw CliException.usage(
          "--client-id needs a credential: set "
              + CLIENT_SECRET_ENV
              + " in the environment or pass --certificate FILE (secrets are never accepted as option values)");
    }
    ClientSecretCredentialBuilder builder =
        new ClientSecretCredentialBuilder()
            .authorityHost(cloud.authorityHost())
            .tenantId(o.tenant)
            .clientId(o.clientId)
            .clientSecret(secret);
    ProxyOptions proxy = Proxies.signInProxy(ctx.env);
    if (proxy != null) {
      builder.proxyOptions(proxy);
    }
    return builder.build();
  }

  private static TokenProvider fromEnvironment(ConnectionOptions o, RunContext ctx) {
    if (!o.tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw CliException.usage(
          "--token-env '" + o.tokenEnv + "' is not an environment variable name");
    }
    String token = ctx.env(o.tokenEnv);
    if (token == null) {
      throw new CliException(
          ExitCode.AUTH,
          "no access token: set "
              + o.tokenEnv
              + " (or choose another variable with --token-env), sign in with"
              + " --tenant/--client-id, --device-code or --azure-cli, or try --sandbox");
    }
    try {
      return TokenProvider.of(stripBearer(token));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          ExitCode.AUTH,
          "the token in " + o.tokenEnv + " is not a raw access token: " + e.getMessage());
    }
  }

  private static TokenProvider fromCredential(TokenCredential credential, String scope) {
    TokenRequestContext request = new TokenRequestContext().addScopes(scope);
    return new TokenProvider() {
      @Override
      public AccessToken getToken() throws IOException {
        com.azure.core.credential.AccessToken token;
        try {
          token = credential.getTokenSync(request);
        } catch (RuntimeException e) {
          throw new IOException("Entra ID sign-in failed: " + firstLine(e.getMessage()), e);
        }
        if (token == null) {
          throw new IOException("Entra ID returned no token");
        }
        return AccessToken.of(token.getToken(), token.getExpiresAt().toInstant());
      }

      @Override
      public String toString() {
        return "EntraIdTokenProvider{" + scope + "}";
      }
    };
  }

  private static String stripBearer(String token) {
    String t = token.trim();
    return t.regionMatches(true, 0, "Bearer ", 0, 7) ? t.substring(7).trim() : t;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "(no message)";
    }
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
