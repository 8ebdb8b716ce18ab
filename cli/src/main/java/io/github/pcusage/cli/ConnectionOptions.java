package io.github.pcusage.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where to connect and how to authenticate; mixed into every API command. No option takes a secret:
 * a client secret comes only from {@code AZURE_CLIENT_SECRET}, a token only from an environment
 * variable.
 */
public final class ConnectionOptions {
  @Option(
      names = "--sandbox",
      description =
          "Start an embedded Partner Center sandbox in-process (seeded data, no network) and call it.")
  boolean sandbox;

  @Option(
      names = "--sandbox-seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description = "Seed of the --sandbox data set (default: ${DEFAULT-VALUE}).")
  long sandboxSeed;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "API root without /v1 (a trailing /v1 is stripped), e.g. a sandbox started with 'pcusage sandbox'.")
  String baseUrl;

  @Option(
      names = "--cloud",
      paramLabel = "CLOUD",
      defaultValue = "public",
      description =
          "public, usgov or china: the API root, token authority and scope (default:"
              + " ${DEFAULT-VALUE}). usgov signs in at login.microsoftonline.us; china (21Vianet)"
              + " offers neither usage operation.")
  CloudOption cloud;

  @Option(
      names = "--token-env",
      paramLabel = "VAR",
      defaultValue = "PARTNER_CENTER_TOKEN",
      description = "Environment variable holding an access token (default: ${DEFAULT-VALUE}).")
  String tokenEnv;

  @Option(
      names = "--tenant",
      paramLabel = "TENANT",
      description = "Entra ID tenant (id or domain) of the partner.")
  String tenant;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description =
          "Entra ID application (client) id; app-only with AZURE_CLIENT_SECRET or --certificate.")
  String clientId;

  @Option(
      names = "--certificate",
      paramLabel = "FILE",
      description =
          "Client certificate (PEM with key, or PFX; password from AZURE_CLIENT_CERTIFICATE_PASSWORD).")
  Path certificate;

  @Option(
      names = "--device-code",
      description = "App+user sign-in with a device code (needed by usage-summary).")
  boolean deviceCode;

  @Option(
      names = "--azure-cli",
      description = "App+user token of the Azure CLI login ('az login').")
  boolean azureCli;

  @Option(
      names = "--no-wait",
      description =
          "Fail at once (exit 3) when the data is not ready (HTTP 204) instead of waiting for it.")
  boolean noWait;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Print each request (method, path, status, attempt, MS-RequestId) to stderr; never a header value.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar and no hints on stderr.")
  boolean quiet;

  @Option(
      names = "--retry-max-attempts",
      paramLabel = "N",
      hidden = true,
      description = "Most attempts of one request, the first included (default 4).")
  Integer retryMaxAttempts;

  @Option(
      names = "--retry-max-wait",
      paramLabel = "DURATION",
      hidden = true,
      converter = DurationConverter.class,
      description =
          "Longest wait between attempts, Retry-After included (default 5m); 0 for tests.")
  Duration retryMaxWait;

  /**
   * Returns whether {@code --quiet} was given.
   *
   * @return whether hints and the progress bar are off
   */
  public boolean quiet() {
    return quiet;
  }

  /**
   * Returns whether {@code --verbose} was given.
   *
   * @return whether requests are printed
   */
  public boolean verbose() {
    return verbose;
  }
}
