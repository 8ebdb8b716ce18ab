package io.github.pcusage.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain {@code new Moshi.Builder()} with only the three adapters the models' field types need and
 * nothing of the SDK: Moshi then decodes the SDK's model classes with its reflective {@code
 * ClassJsonAdapter} (the models carry no {@code @JsonClass}, so no generated adapter is looked up).
 */
final class ReflectiveMoshi {
  private static final Type STRING_MAP =
      Types.newParameterizedType(Map.class, String.class, String.class);

  private ReflectiveMoshi() {}

  static Moshi moshi() {
    return new Moshi.Builder()
        .add(
            BigDecimal.class,
            new JsonAdapter<BigDecimal>() {
              @Override
              public BigDecimal fromJson(JsonReader reader) throws IOException {
                return new BigDecimal(reader.nextString());
              }

              @Override
              public void toJson(JsonWriter writer, BigDecimal value) {
                throw new UnsupportedOperationException();
              }
            }.nullSafe())
        .add(
            OffsetDateTime.class,
            new JsonAdapter<OffsetDateTime>() {
              @Override
              public OffsetDateTime fromJson(JsonReader reader) throws IOException {
                return OffsetDateTime.parse(reader.nextString());
              }

              @Override
              public void toJson(JsonWriter writer, OffsetDateTime value) {
                throw new UnsupportedOperationException();
              }
            }.nullSafe())
        .add(
            STRING_MAP,
            new JsonAdapter<Map<String, String>>() {
              @Override
              public Map<String, String> fromJson(JsonReader reader) throws IOException {
                Map<String, String> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                  map.put(reader.nextName(), reader.nextString());
                }
                reader.endObject();
                return map;
              }

              @Override
              public void toJson(JsonWriter writer, Map<String, String> value) {
                throw new UnsupportedOperationException();
              }
            }.nullSafe())
        .build();
  }

  /**
   * Whether {@code adapter} is Moshi's reflective one: its {@code ClassJsonAdapter} prints as
   * {@code JsonAdapter(<class name>)}, the SDK's generated ones as {@code
   * GeneratedJsonAdapter(...)}.
   */
  static boolean isReflective(JsonAdapter<?> adapter, Class<?> type) {
    String text = adapter.toString();
    return text.startsWith("JsonAdapter(" + type.getName() + ")") && !text.contains("Generated");
  }
}
