package io.github.pcusage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The API root policy: what {@code baseUrl} may be (http(s), no user name or password, no query or
 * fragment, plain http only to a loopback address) and its normal form (no trailing {@code /v1}).
 *
 * <p>Messages never repeat a user name, password or query: they may be secrets.
 */
final class ApiRoot {
  private static final Pattern USER_INFO = Pattern.compile("^([^/?#]*//)[^/?#]*@");

  private ApiRoot() {}

  static HttpUrl parse(String baseUrl) {
    String text = baseUrl.trim();
    HttpUrl url = HttpUrl.parse(text);
    if (url == null) {
      text = redacted(text);
      throw new IllegalArgumentException(
          "baseUrl '"
              + text
              + "' is not an http(s) URL: use for example https://api.partnercenter.microsoft.com");
    }
    if (!url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty()) {
      throw new IllegalArgumentException(
          "baseUrl '"
              + withoutSecrets(url)
              + "' holds a user name or password (not repeated here): pass the API root only;"
              + " the token provider authenticates");
    }
    text = withoutSecrets(url);
    if (url.querySize() > 0 || url.fragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl '"
              + text
              + "' has a query or fragment (not repeated here): pass the API root only");
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

  /** The URL without user info, query and fragment: what a message may show. */
  private static String withoutSecrets(HttpUrl url) {
    return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
  }

  /** Text that is not a URL, with anything that looks like user info replaced by {@code ***}. */
  private static String redacted(String text) {
    String noUser = USER_INFO.matcher(text).replaceFirst("$1***@");
    int query = noUser.indexOf('?');
    return query < 0 ? noUser : noUser.substring(0, query) + "?***";
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
