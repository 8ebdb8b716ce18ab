package io.github.pcusage.sandbox;

import java.util.Objects;

/** One kind of fault the sandbox can inject, named by its key in a {@link Faults} spec. */
public enum Fault {
  /** 429 with {@code Retry-After} in seconds and the throttling body. */
  THROTTLED("429"),
  /** 429 with {@code Retry-After} as an HTTP-date and the throttling body. */
  THROTTLED_HTTP_DATE("429-date"),
  /** 500 with a Partner Center error body (code 800003). */
  SERVER_ERROR("500"),
  /** 503 with a Partner Center error body without a code (none is documented). */
  UNAVAILABLE("503"),
  /** 204 with {@code Retry-After} in seconds on a follow-up page ({@code seek_operation=Next}). */
  NEXT_PAGE_NOT_READY("204-next"),
  /** 204 with {@code Retry-After} as an HTTP-date on a follow-up page. */
  NEXT_PAGE_NOT_READY_HTTP_DATE("204-next-date"),
  /** A 200 whose connection is closed after half of the announced body. */
  CONNECTION_RESET("reset"),
  /** A 200 whose complete answer carries only the first half of the JSON document. */
  TRUNCATED_BODY("truncate"),
  /** The normal answer, sent after the configured slow delay. */
  SLOW("slow");

  private final String key;

  Fault(String key) {
    this.key = key;
  }

  /** Returns the key of this fault in a spec, e.g. {@code 429} or {@code 204-next}. */
  public String key() {
    return key;
  }

  /** Returns the fault with this spec key, or null if there is none. */
  static Fault forKey(String key) {
    Objects.requireNonNull(key, "key == null");
    for (Fault fault : values()) {
      if (fault.key.equals(key)) {
        return fault;
      }
    }
    return null;
  }
}
