package io.github.pcusage.internal.http;

import okhttp3.HttpUrl;

/**
 * Resolves a {@code links.next.uri} against the API root plus {@code /v1/}. Accepts the forms seen
 * from the service ({@code customers/...}, {@code /customers/...}, {@code /v1/customers/...}) and
 * an absolute URL to the same scheme, host and port; refuses any other host, so the bearer token is
 * never sent elsewhere.
 */
public final class NextLinks {
  private NextLinks() {}

  /**
   * Returns the link as a path relative to {@code /v1/} (with its query, unchanged), or throws
   * {@link IllegalArgumentException} naming the problem.
   */
  public static String normalise(HttpUrl apiRoot, String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("the next link has no uri");
    }
    String link = uri.trim();
    if (link.startsWith("//") || link.contains("://")) {
      HttpUrl absolute = link.startsWith("//") ? null : HttpUrl.parse(link);
      if (absolute == null
          || !absolute.scheme().equals(apiRoot.scheme())
          || !absolute.host().equalsIgnoreCase(apiRoot.host())
          || absolute.port() != apiRoot.port()) {
        throw new IllegalArgumentException(
            "the next link points to another host ("
                + hostOf(link)
                + "), not "
                + apiRoot.host()
                + ":"
                + apiRoot.port()
                + "; it is refused so that the access token is never sent there");
      }
      String query = absolute.encodedQuery();
      link = absolute.encodedPath() + (query == null ? "" : "?" + query);
    }
    while (link.startsWith("/")) {
      link = link.substring(1);
    }
    while (link.regionMatches(true, 0, "v1/", 0, 3)) {
      link = link.substring(3);
      while (link.startsWith("/")) {
        link = link.substring(1);
      }
    }
    if (link.isEmpty()) {
      throw new IllegalArgumentException("the next link has an empty path");
    }
    HttpUrl resolved = resolve(apiRoot, link);
    if (resolved == null || !resolved.encodedPath().startsWith(v1Prefix(apiRoot))) {
      throw new IllegalArgumentException("the next link does not stay under /v1/ of the API root");
    }
    return link;
  }

  public static HttpUrl resolve(HttpUrl apiRoot, String relative) {
    return HttpUrl.parse(apiRoot.toString().replaceAll("/+$", "") + "/v1/" + relative);
  }

  private static String v1Prefix(HttpUrl apiRoot) {
    String path = apiRoot.encodedPath();
    return (path.endsWith("/") ? path : path + "/") + "v1/";
  }

  private static String hostOf(String link) {
    HttpUrl url = HttpUrl.parse(link.startsWith("//") ? "https:" + link : link);
    return url == null ? "an unreadable URL" : url.scheme() + "://" + url.host() + ":" + url.port();
  }
}
