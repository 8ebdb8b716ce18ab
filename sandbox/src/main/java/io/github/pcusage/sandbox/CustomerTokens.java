package io.github.pcusage.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes and reads the {@code MS-ContinuationToken} values of the customer listing. They look like
 * the service's opaque seek tokens ({@code +RID:~...==#RT:2#TRC:10#ISV:2#IEO:65567}): raw {@code
 * +}, {@code :}, {@code ~}, {@code =} and {@code #} (and often {@code /}), so a client that decodes
 * or re-encodes one breaks. The listing state is signed with a checksum keyed by the seed; a token
 * that differs in any byte from the one issued is rejected.
 */
final class CustomerTokens {
  private static final String PREFIX = "+RID:~";
  private static final String PAGE = "#RT:";
  private static final String VERSION = "c1";

  private final long key;

  CustomerTokens(long seed) {
    this.key = SeededRandom.combine(seed, 0x63757374746BL);
  }

  /** Returns the token that resumes a listing at {@code next}. */
  String encode(CustomerQuery next) {
    String body =
        String.join(
            "|",
            VERSION,
            next.field() == null ? "" : next.field().wireName,
            next.value() == null ? "" : URLEncoder.encode(next.value(), StandardCharsets.UTF_8),
            Integer.toString(next.size()),
            Integer.toString(next.offset()));
    StringBuilder payload = new StringBuilder(body).append('|').append(mac(body));
    while (payload.length() % 3 != 1) { // an ASCII payload of 3n+1 bytes ends in "=="
      payload.append('~');
    }
    String base64 =
        Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    return PREFIX
        + base64
        + PAGE
        + (next.offset() / next.size() + 1)
        + "#TRC:"
        + next.offset()
        + "#ISV:2#IEO:65567";
  }

  /**
   * Reads a token exactly as received.
   *
   * @throws IllegalArgumentException if the sandbox did not issue it
   */
  CustomerQuery decode(String raw) {
    int page = raw.indexOf(PAGE);
    if (!raw.startsWith(PREFIX) || page < 0) {
      throw new IllegalArgumentException("not a continuation token of the customer listing");
    }
    String payload;
    try {
      payload =
          new String(
              Base64.getDecoder().decode(raw.substring(PREFIX.length(), page)),
              StandardCharsets.UTF_8);
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
    if (parts.length != 5 || !parts[0].equals(VERSION)) {
      throw new IllegalArgumentException("unsupported continuation token version");
    }
    CustomerQuery.Field field = parts[1].isEmpty() ? null : CustomerQuery.Field.parse(parts[1]);
    CustomerQuery query =
        new CustomerQuery(
            field,
            field == null ? null : URLDecoder.decode(parts[2], StandardCharsets.UTF_8),
            Integer.parseInt(parts[3]),
            Integer.parseInt(parts[4]));
    if (!encode(query).equals(raw)) {
      throw new IllegalArgumentException(
          "the continuation token was changed: send it byte for byte, never decoded or re-encoded");
    }
    return query;
  }

  private String mac(String body) {
    return Long.toHexString(SeededRandom.combine(key, SeededRandom.hash(body)));
  }
}
