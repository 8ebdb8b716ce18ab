package io.github.pcusage.cli;

import com.azure.core.http.ProxyOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * Proxy settings for the Partner Center calls. The standard JVM properties ({@code
 * https.proxyHost}, {@code https.proxyPort}, {@code http.nonProxyHosts}, {@code socksProxyHost},
 * {@code java.net.useSystemProxies}) win, through the JVM's default {@link ProxySelector}.
 * Otherwise {@code HTTPS_PROXY} (or {@code https_proxy}) is used, with {@code NO_PROXY} and
 * optional {@code user:pass@} credentials (Basic). Loopback addresses never go through a proxy.
 */
final class Proxies {
  private Proxies() {}

  private static boolean jvmProxyConfigured() {
    return System.getProperty("https.proxyHost") != null
        || System.getProperty("socksProxyHost") != null
        || Boolean.getBoolean("java.net.useSystemProxies");
  }

  /**
   * Returns the proxy for Entra ID sign-in (azure-identity), the same {@code HTTPS_PROXY} and
   * {@code NO_PROXY} as the Partner Center calls; {@code null} when none is set or the JVM proxy
   * properties apply (azure-identity reads those itself).
   */
  static ProxyOptions signInProxy(Map<String, String> env) {
    if (jvmProxyConfigured()) {
      return null;
    }
    String spec = firstSet(env, "HTTPS_PROXY", "https_proxy");
    if (spec == null) {
      return null;
    }
    URI uri = parse(spec);
    int port =
        uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
    ProxyOptions options =
        new ProxyOptions(ProxyOptions.Type.HTTP, new InetSocketAddress(uri.getHost(), port));
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      options.setCredentials(
          decode(colon < 0 ? userInfo : userInfo.substring(0, colon)),
          colon < 0 ? "" : decode(userInfo.substring(colon + 1)));
    }
    String noProxy = firstSet(env, "NO_PROXY", "no_proxy");
    if (noProxy != null) {
      List<String> hosts = new ArrayList<>();
      for (String entry : noProxy.split(",")) {
        String host = entry.trim();
        if (!host.isEmpty()) {
          hosts.add(host.startsWith(".") ? "*" + host : host);
        }
      }
      options.setNonProxyHosts(String.join("|", hosts));
    }
    return options;
  }

  static void apply(OkHttpClient.Builder builder, Map<String, String> env) {
    if (jvmProxyConfigured()) {
      return; // OkHttp uses ProxySelector.getDefault(), which reads these properties
    }
    String spec = firstSet(env, "HTTPS_PROXY", "https_proxy");
    if (spec == null) {
      return;
    }
    URI uri = parse(spec);
    builder.proxySelector(selector(uri, firstSet(env, "NO_PROXY", "no_proxy")));
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
      String credential = Credentials.basic(user, password);
      builder.proxyAuthenticator(
          (route, response) ->
              response.request().header("Proxy-Authorization") != null
                  ? null // already tried: give up rather than loop
                  : response
                      .request()
                      .newBuilder()
                      .header("Proxy-Authorization", credential)
                      .build());
    }
  }

  /** Returns the selector for a proxy URI and a NO_PROXY list; package-private for tests. */
  static ProxySelector selector(URI proxy, String noProxy) {
    int port =
        proxy.getPort() > 0
            ? proxy.getPort()
            : ("https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80);
    Proxy http =
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port));
    List<String> bypass = new ArrayList<>();
    if (noProxy != null) {
      for (String entry : noProxy.split(",")) {
        String host = entry.trim().toLowerCase(Locale.ROOT);
        if (!host.isEmpty()) {
          bypass.add(host.startsWith("*.") ? host.substring(1) : host);
        }
      }
    }
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (isLoopback(host) || bypassed(host, bypass)) {
          return List.of(Proxy.NO_PROXY);
        }
        return List.of(http);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {}
    };
  }

  static URI parse(String spec) {
    String text = spec.trim();
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    try {
      URI uri = URI.create(text);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw CliException.usage("HTTPS_PROXY is not a proxy URL such as http://proxy.example:8080");
    }
  }

  private static boolean bypassed(String host, List<String> bypass) {
    for (String entry : bypass) {
      if (entry.equals("*")
          || host.equals(entry)
          || (entry.startsWith(".") ? host.endsWith(entry) : host.endsWith("." + entry))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("::1")
        || host.equals("[::1]");
  }

  private static String firstSet(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
