package io.github.pcusage.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Writes and reads the opaque {@code MS-ContinuationToken} values of the sandbox.
 *
 * <p>A token looks like the real service's: {@code
 * /opaque/usage-records?api-version=v1&from=2026-10-01T00%3a00%3a00+00%3a00&continuation_token=...%3d%3d}.
 * It always holds a raw {@code +}, {@code %3a} and {@code %3d}, so a client that decodes or
 * re-encodes it breaks. The state of the listing travels base64-encoded in {@code
 * continuation_token}, signed with a checksum keyed by the seed: the server reads the header raw
 * and rejects anything it did not issue. Sandboxes with the same seed accept each other's tokens,
 * so a listing can be resumed after a restart.
 */
final class ContinuationTokens {
  private static final String PREFIX = "/opaque/usage-records?api-version=v1&from=";
  private static final String TOKEN_PARAM = "&continuation_token=";
  private static final String VERSION = "v1";
  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private final long key;

  ContinuationTokens(long seed) {
    this.key = SeededRandom.combine(seed, 0x70636E657874L);
  }

  /** Returns the token that resumes the listing at {@code next}. */
  String encode(PageRequest next) {
    String body =
        String.join(
            "|",
            VERSION,
            URLEncoder.encode(next.customerId(), StandardCharsets.UTF_8),
            URLEncoder.encode(next.subscriptionId(), StandardCharsets.UTF_8),
            next.start().toString(),
            next.end().toString(),
            next.granularity().wire(),
            next.showDetails() ? "1" : "0",
            Integer.toString(next.size()),
            Integer.toString(next.offset()));
    StringBuilder payload = new StringBuilder(body).append('|').append(mac(body));
    while (payload.length() % 3 != 1) { // an ASCII payload of 3n+1 bytes ends in "=="
      payload.append('~');
    }
    String base64 =
        Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    String from =
        UTC_SECONDS.format(next.start().withOffsetSameInstant(ZoneOffset.UTC)).replace(":", "%3a")
            + "+00%3a00";
    return PREFIX + from + TOKEN_PARAM + base64.replace("/", "%2f").replace("=", "%3d");
  }

  /**
   * Reads a token exactly as received; a token that differs in any byte from the one issued (for
   * instance URL-decoded or re-encoded by the client) is rejected.
   *
   * @throws IllegalArgumentException if the sandbox did not issue it
   */
  PageRequest decode(String raw) {
    int at = raw.indexOf(TOKEN_PARAM);
    if (!raw.startsWith(PREFIX) || at < 0) {
      throw new IllegalArgumentException("not a continuation token of this service");
    }
    String base64 =
        raw.substring(at + TOKEN_PARAM.length())
            .replace("%3d", "=")
            .replace("%3D", "=")
            .replace("%2f", "/")
            .replace("%2F", "/");
    String payload;
    try {
      payload = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the continuation token is not valid base64", e);
    }
    int end = payload.length();
    while (end > 0 && payload.charAt(end - 1) == '~') {
      end--;
    }
    payload = payload.substring(0, end);
    int lastBar = payload.lastIndexOf('|');
    if (lastBar < 0 || !payload.substring(lastBar + 1).equals(mac(payload.substring(0, lastBar)))) {
      throw new IllegalArgumentException("the continuation token was altered or not issued here");
    }
    String[] parts = payload.substring(0, lastBar).split("\\|", -1);
    if (parts.length != 9 || !parts[0].equals(VERSION)) {
      throw new IllegalArgumentException("unsupported continuation token version");
    }
    PageRequest page;
    try {
      page =
          new PageRequest(
              URLDecoder.decode(parts[1], StandardCharsets.UTF_8),
              URLDecoder.decode(parts[2], StandardCharsets.UTF_8),
              OffsetDateTime.parse(parts[3]),
              OffsetDateTime.parse(parts[4]),
              Granularity.parse(parts[5]),
              parts[6].equals("1"),
              Integer.parseInt(parts[7]),
              Integer.parseInt(parts[8]));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the continuation token holds a bad date", e);
    }
    if (!encode(page).equals(raw)) {
      throw new IllegalArgumentException(
          "the continuation token was changed: send it byte for byte, never decoded or re-encoded");
    }
    return page;
  }

  private String mac(String body) {
    return Long.toHexString(SeededRandom.combine(key, SeededRandom.hash(body)));
  }
}
