package io.github.pcusage.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Map;
import okio.Buffer;

/**
 * Decodes the string maps of the API ({@code tags}, {@code additionalInfo}, {@code infoFields}) as
 * leniently as the service has sent them, and never fails a page on them:
 *
 * <ul>
 *   <li>an object: string values as they are, numbers as their exact text, booleans as {@code
 *       "true"}/{@code "false"}, null as a {@code null} value, nested objects and arrays as their
 *       JSON text;
 *   <li>{@code ""} or a blank string: an empty map;
 *   <li>a JSON string holding an object: that object, decoded by the same rules;
 *   <li>any other string, such as the {@code additionalInfo} {@code "10.0.0.4___vm-web-01"} (an IP
 *       address and a name joined by {@code ___}) seen on a related billing feed: a one-entry map
 *       whose key is the empty string {@code ""} and whose value is the text exactly as sent
 *       (nothing is dropped or split);
 *   <li>an array: its elements under the keys {@code "0"}, {@code "1"}, ... (the reference calls
 *       these fields arrays of strings);
 *   <li>null: {@code null}.
 * </ul>
 *
 * Keys keep their order. Maps are immutable and compact ({@link CompactMaps}), and their keys and
 * values are shared between records through a bounded pool of their own ({@link StringPool}): the
 * same few tag names, meter ids and image types come back in every record. Writes an ordinary JSON
 * object of strings.
 */
final class LenientStringMapAdapter extends JsonAdapter<Map<String, String>> {
  private static final Type STRING_MAP =
      Types.newParameterizedType(Map.class, String.class, String.class);

  static final JsonAdapter.Factory FACTORY =
      (type, annotations, moshi) ->
          annotations.isEmpty() && Types.equals(type, STRING_MAP)
              ? new LenientStringMapAdapter()
              : null;

  /** Keys and values of maps; apart from the field pool, so unique values never evict fields. */
  private static final StringPool ENTRIES = new StringPool(4096);

  /** Keys: the few names the maps use, matched in the bytes once learned. */
  private final LearnedStrings keys = new LearnedStrings(64, ENTRIES);

  /** String values: meter ids, regions, image types, tag values. */
  private final LearnedStrings values = new LearnedStrings(128, ENTRIES);

  /** Nesting this deep inside a JSON string is refused rather than followed. */
  private static final int MAX_EMBEDDED_DEPTH = 4;

  @Override
  public Map<String, String> fromJson(JsonReader reader) throws IOException {
    return read(reader, 0);
  }

  private Map<String, String> read(JsonReader reader, int embeddedDepth) throws IOException {
    switch (reader.peek()) {
      case NULL:
        return reader.nextNull();
      case BEGIN_OBJECT:
        return readObject(reader);
      case BEGIN_ARRAY:
        return readArray(reader);
      case STRING:
        return readString(reader.nextString(), reader.getPath(), embeddedDepth);
      default:
        // A bare number or boolean where a map belongs: keep it, under the empty key.
        return Collections.singletonMap("", scalarOrJson(reader));
    }
  }

  private Map<String, String> readObject(JsonReader reader) throws IOException {
    reader.beginObject();
    if (!reader.hasNext()) {
      reader.endObject();
      return Collections.emptyMap();
    }
    CompactMaps.Builder<String, String> result = new CompactMaps.Builder<>();
    while (reader.hasNext()) {
      String key = keys.readName(reader);
      String value =
          reader.peek() == JsonReader.Token.STRING ? values.read(reader) : scalarOrJson(reader);
      result.put(key, value);
    }
    reader.endObject();
    return result.build();
  }

  private static Map<String, String> readArray(JsonReader reader) throws IOException {
    reader.beginArray();
    CompactMaps.Builder<String, String> result = new CompactMaps.Builder<>();
    int index = 0;
    while (reader.hasNext()) {
      result.put(Integer.toString(index++), scalarOrJson(reader));
    }
    reader.endArray();
    return result.build();
  }

  private Map<String, String> readString(String text, String path, int embeddedDepth)
      throws IOException {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return Collections.emptyMap();
    }
    if (trimmed.startsWith("{") && embeddedDepth < MAX_EMBEDDED_DEPTH) {
      JsonReader embedded = JsonReader.of(new Buffer().writeUtf8(trimmed));
      try {
        Map<String, String> decoded = read(embedded, embeddedDepth + 1);
        if (embedded.peek() == JsonReader.Token.END_DOCUMENT) {
          return decoded;
        }
      } catch (JsonDataException | IOException notJson) {
        // Not a JSON object after all: keep the text as it is, below.
      }
    }
    return Collections.singletonMap("", text);
  }

  private static String scalarOrJson(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case STRING:
      case NUMBER:
        return reader.nextString();
      case BOOLEAN:
        return Boolean.toString(reader.nextBoolean());
      case NULL:
        return reader.nextNull();
      default:
        // Nested object or array: keep its JSON text, byte for byte in content.
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
          copy(reader, writer);
        }
        return buffer.readUtf8();
    }
  }

  private static void copy(JsonReader reader, JsonWriter writer) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        reader.beginObject();
        writer.beginObject();
        while (reader.hasNext()) {
          writer.name(reader.nextName());
          copy(reader, writer);
        }
        reader.endObject();
        writer.endObject();
        break;
      case BEGIN_ARRAY:
        reader.beginArray();
        writer.beginArray();
        while (reader.hasNext()) {
          copy(reader, writer);
        }
        reader.endArray();
        writer.endArray();
        break;
      case STRING:
        writer.value(reader.nextString());
        break;
      case NUMBER:
        // Not writer.valueSink(): Moshi's valueSink skips its stack growth and throws
        // ArrayIndexOutOfBoundsException at a nesting depth of 32, 64 or 128.
        writer.value(new NumberText(reader.nextString()));
        break;
      case BOOLEAN:
        writer.value(reader.nextBoolean());
        break;
      case NULL:
        reader.nextNull();
        writer.nullValue();
        break;
      default:
        throw new JsonDataException("Unexpected " + reader.peek() + " at path " + reader.getPath());
    }
  }

  @Override
  public void toJson(JsonWriter writer, Map<String, String> value) throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    writer.beginObject();
    for (Map.Entry<String, String> entry : value.entrySet()) {
      writer.name(entry.getKey());
      if (entry.getValue() == null) {
        boolean serializeNulls = writer.getSerializeNulls();
        writer.setSerializeNulls(true);
        writer.nullValue();
        writer.setSerializeNulls(serializeNulls);
      } else {
        writer.value(entry.getValue());
      }
    }
    writer.endObject();
  }

  @Override
  public String toString() {
    return "JsonAdapter(LenientStringMap)";
  }

  /**
   * A number as its exact JSON text: {@code JsonWriter.value(Number)} writes {@code toString()}.
   */
  private static final class NumberText extends Number {
    private static final long serialVersionUID = 1L;
    private final String text;

    NumberText(String text) {
      this.text = text;
    }

    @Override
    public int intValue() {
      return (int) doubleValue();
    }

    @Override
    public long longValue() {
      return (long) doubleValue();
    }

    @Override
    public float floatValue() {
      return (float) doubleValue();
    }

    @Override
    public double doubleValue() {
      return Double.parseDouble(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
