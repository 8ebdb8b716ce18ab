package io.github.pcusage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The API root policy: what {@code baseUrl} may be (http(s), no query or fragment, plain http only
 * to a loopback address) and its normal form (no trailing {@code /v1}).
 */
final class ApiRoot {
  private ApiRoot() {}

  static HttpUrl parse(String baseUrl) {
    String text = baseUrl.trim();
    HttpUrl url = HttpUrl.parse(text);
    if (url == null) {
      throw new IllegalArgumentException(
          "baseUrl '"
              + text
              + "' is not an http(s) URL: use for example https://api.partnercenter.microsoft.com");
    }
    if (url.querySize() > 0 || url.fragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl '" + text + "' has a query or fragment: pass the API root only");
    }
    if (url.scheme().equals("http") && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "baseUrl '"
              + text
              + "' uses plain http: use https (plain http is allowed only for loopback addresses)");
    }
    String path = url.encodedPath().replaceAll("/+$", "");
    if (path.toLowerCase(Locale.ROOT).endsWith("/v1")) {
      path = path.substring(0, path.length() - 3);
    }
    return url.newBuilder().encodedPath(path.isEmpty() ? "/" : path).build();
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false; // never resolve names here: only literal loopback addresses count
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
