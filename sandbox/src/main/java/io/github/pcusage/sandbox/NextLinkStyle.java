package io.github.pcusage.sandbox;

import java.util.Locale;
import java.util.Objects;

/**
 * How the sandbox writes {@code links.next.uri}. The real service writes it relative to the API
 * root plus {@code /v1/}; the other two forms have been seen in the wild, and a client must
 * normalise all three.
 */
public enum NextLinkStyle {
  /** {@code customers/C/subscriptions/S/utilizations/azure?seek_operation=Next} (the default). */
  RELATIVE("relative", ""),
  /** {@code /customers/C/subscriptions/S/utilizations/azure?seek_operation=Next}. */
  LEADING_SLASH("leading-slash", "/"),
  /** {@code /v1/customers/C/subscriptions/S/utilizations/azure?seek_operation=Next}. */
  V1("v1", "/v1/");

  private final String wireName;
  private final String prefix;

  NextLinkStyle(String wireName, String prefix) {
    this.wireName = wireName;
    this.prefix = prefix;
  }

  /**
   * Returns the name used on command lines: {@code relative}, {@code leading-slash} or {@code v1}.
   */
  public String wireName() {
    return wireName;
  }

  /** Prefixes a path relative to {@code /v1/} the way this style does. */
  String apply(String relativePath) {
    return prefix + relativePath;
  }

  /**
   * Parses {@code relative}, {@code leading-slash} or {@code v1}, ignoring case.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static NextLinkStyle parse(String name) {
    Objects.requireNonNull(name, "name == null");
    String lower = name.trim().toLowerCase(Locale.ROOT);
    for (NextLinkStyle style : values()) {
      if (style.wireName.equals(lower)) {
        return style;
      }
    }
    throw new IllegalArgumentException(
        "unknown next link style '" + name + "': expected relative, leading-slash or v1");
  }
}
