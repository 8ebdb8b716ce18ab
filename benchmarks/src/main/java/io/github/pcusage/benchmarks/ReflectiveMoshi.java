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
 * nothing of the SDK, that decodes the SDK's model classes with Moshi's reflective {@code
 * ClassJsonAdapter}. The models carry {@code @JsonClass(generator = ...)}, which would make any
 * Moshi use their generated adapters: a first factory hands model classes to {@code
 * ClassJsonAdapter.FACTORY} directly (package-private in Moshi, reached by reflection once).
 */
final class ReflectiveMoshi {
  private static final Type STRING_MAP =
      Types.newParameterizedType(Map.class, String.class, String.class);

  private static final JsonAdapter.Factory CLASS_ADAPTERS = classJsonAdapterFactory();

  /** Moshi's reflective adapter for every (non-enum) class of the SDK's model package. */
  private static final JsonAdapter.Factory REFLECTIVE_MODELS =
      (type, annotations, moshi) -> {
        Class<?> raw = Types.getRawType(type);
        if (!annotations.isEmpty()
            || raw.isEnum()
            || !raw.getName().startsWith("io.github.pcusage.model.")) {
          return null;
        }
        return CLASS_ADAPTERS.create(type, annotations, moshi);
      };

  private ReflectiveMoshi() {}

  private static JsonAdapter.Factory classJsonAdapterFactory() {
    try {
      java.lang.reflect.Field field =
          Class.forName("com.squareup.moshi.ClassJsonAdapter").getDeclaredField("FACTORY");
      field.setAccessible(true);
      return (JsonAdapter.Factory) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Moshi's ClassJsonAdapter.FACTORY is not reachable", e);
    }
  }

  static Moshi moshi() {
    return new Moshi.Builder()
        .add(REFLECTIVE_MODELS)
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
