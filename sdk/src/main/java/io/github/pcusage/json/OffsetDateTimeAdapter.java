package io.github.pcusage.json;

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
 * Decodes ISO-8601 date-times keeping the offset they were sent with ({@code Z}, {@code +hh:mm},
 * 0 to 9 fractional digits); a date-time without an offset is read as UTC. Writes them in ISO-8601
 * with their offset.
 */
final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
  static final JsonAdapter.Factory FACTORY =
      (type, annotations, moshi) ->
          type == OffsetDateTime.class && annotations.isEmpty()
              ? new OffsetDateTimeAdapter().nullSafe()
              : null;

  @Override
  public OffsetDateTime fromJson(JsonReader reader) throws IOException {
    String text = reader.nextString();
    return parse(text, reader.getPath());
  }

  static OffsetDateTime parse(String text, String path) {
    OffsetDateTime fast = FastDateTimeParser.tryParse(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException withOffset) {
      try {
        return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
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
