package io.github.pcusage.sandbox;

/**
 * An answer the handler is about to send.
 *
 * @param status the HTTP status
 * @param retryAfter the {@code Retry-After} header value, or null
 * @param body the JSON body, or null for none
 * @param fault a body fault to apply while sending ({@link Fault#CONNECTION_RESET} or {@link
 *     Fault#TRUNCATED_BODY}), or null
 */
record Reply(int status, String retryAfter, byte[] body, Fault fault) {

  /** Returns a 200 with a JSON body. */
  static Reply ok(byte[] body) {
    return new Reply(200, null, body, null);
  }

  /** Returns this reply with a body fault to apply. */
  Reply withFault(Fault bodyFault) {
    return new Reply(status, retryAfter, body, bodyFault);
  }
}
