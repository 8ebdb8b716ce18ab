package io.github.pcusage.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Decodes ISO-8601 date-times keeping the offset they were sent with ({@code Z}, {@code +hh:mm}, 0
 * to 9 fractional digits); a date-time without an offset is read as UTC. Writes them in ISO-8601
 * with their offset. Equal texts decode to one shared instance (a small bounded cache), so a
 * listing holds each distinct time once.
 */
final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
  static final JsonAdapter.Factory FACTORY =
      (type, annotations, moshi) ->
          type == OffsetDateTime.class && annotations.isEmpty()
              ? new OffsetDateTimeAdapter().nullSafe()
              : null;

  /**
   * Recently decoded values by their text: records of a listing share a few distinct times. A slot
   * whose value was asked for again since it was cached keeps it once against a new text (the
   * second chance of {@link StringPool}), so hourly listings with many distinct times do not churn.
   */
  private static final int CACHE_SLOTS = 1024;

  private static final Cached[] CACHE = new Cached[CACHE_SLOTS];
  private static final boolean[] RECURRED = new boolean[CACHE_SLOTS];

  @Override
  public OffsetDateTime fromJson(JsonReader reader) throws IOException {
    String text = reader.nextString();
    int hash = text.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (CACHE_SLOTS - 1);
    Cached cached = CACHE[slot];
    if (cached != null && cached.text.equals(text)) {
      if (!RECURRED[slot]) {
        RECURRED[slot] = true;
      }
      return cached.value;
    }
    OffsetDateTime value = FastDateTimeParser.tryParse(text);
    if (value == null) {
      // The path is built only when it is needed: off the common shape.
      value = parse(text, reader.getPath());
    }
    if (cached != null && RECURRED[slot]) {
      RECURRED[slot] = false;
    } else {
      CACHE[slot] = new Cached(text, value);
    }
    return value;
  }

  /**
   * A decoded value and its text. Immutable (final fields), so a reader of the shared cache sees
   * both or an older entry; a lost race only loses sharing. Sharing is safe: {@code OffsetDateTime}
   * is an immutable value.
   */
  private static final class Cached {
    final String text;
    final OffsetDateTime value;

    Cached(String text, OffsetDateTime value) {
      this.text = text;
      this.value = value;
    }
  }

  static OffsetDateTime parse(String text, String path) {
    OffsetDateTime fast = FastDateTimeParser.tryParse(text);
    if (fast == null) {
      fast = FastDateTimeParser.tryParseWithoutOffset(text); // the rate card's dates
    }
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException withOffset) {
      try {
        return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException withoutOffset) {
        String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
        throw new JsonDataException(
            "Expected an ISO-8601 date-time but was '" + shown + "' at path " + path, withOffset);
      }
    }
  }

  @Override
  public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
    writer.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
  }

  @Override
  public String toString() {
    return "JsonAdapter(OffsetDateTime)";
  }
}
