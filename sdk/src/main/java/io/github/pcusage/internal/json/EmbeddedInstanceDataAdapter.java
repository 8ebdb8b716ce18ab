package io.github.pcusage.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.pcusage.model.AzureInstanceData;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import okio.Buffer;

/**
 * Decodes {@link AzureInstanceData} also when it arrives as a JSON string, in either form the
 * upstream Azure usage data has carried it:
 *
 * <ul>
 *   <li>a string holding the object itself: {@code "{\"resourceUri\": ..., \"location\": ...}"};
 *   <li>a string holding it under {@code Microsoft.Resources} (the Azure usage feed's form): {@code
 *       "{\"Microsoft.Resources\": {\"resourceUri\": ..., \"tags\": ..., \"additionalInfo\":
 *       ...}}"}: the wrapped object is unwrapped and every field of it kept; other members beside
 *       it are skipped, as unknown fields are;
 *   <li>a blank string: {@code null}, as is {@code "Microsoft.Resources": null}.
 * </ul>
 *
 * An object (the documented form) and {@code null} decode as they are. Writes an ordinary object.
 */
final class EmbeddedInstanceDataAdapter extends JsonAdapter<AzureInstanceData> {
  static final JsonAdapter.Factory FACTORY =
      new JsonAdapter.Factory() {
        @Override
        public JsonAdapter<?> create(
            Type type, Set<? extends Annotation> annotations, Moshi moshi) {
          if (type != AzureInstanceData.class || !annotations.isEmpty()) {
            return null;
          }
          return new EmbeddedInstanceDataAdapter(moshi.nextAdapter(this, type, annotations));
        }
      };

  private static final JsonReader.Options WRAPPER = JsonReader.Options.of("Microsoft.Resources");

  private final JsonAdapter<AzureInstanceData> delegate;

  private EmbeddedInstanceDataAdapter(JsonAdapter<AzureInstanceData> delegate) {
    this.delegate = delegate;
  }

  @Override
  public AzureInstanceData fromJson(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.STRING) {
      return delegate.fromJson(reader);
    }
    String path = reader.getPath();
    String text = reader.nextString();
    if (text.trim().isEmpty()) {
      return null;
    }
    JsonReader embedded = JsonReader.of(new Buffer().writeUtf8(text));
    try {
      AzureInstanceData data =
          isWrapped(embedded.peekJson()) ? unwrap(embedded) : delegate.fromJson(embedded);
      if (embedded.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("Trailing data after the object");
      }
      return data;
    } catch (JsonDataException | IOException e) {
      throw new JsonDataException(
          "Expected instanceData as an object or a JSON string holding one (or one under"
              + " Microsoft.Resources) at path "
              + path
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Whether the object ahead has a {@code Microsoft.Resources} member holding an object or null.
   */
  private static boolean isWrapped(JsonReader peek) throws IOException {
    if (peek.peek() != JsonReader.Token.BEGIN_OBJECT) {
      return false;
    }
    peek.beginObject();
    while (peek.hasNext()) {
      if (peek.selectName(WRAPPER) == 0) {
        JsonReader.Token value = peek.peek();
        return value == JsonReader.Token.BEGIN_OBJECT || value == JsonReader.Token.NULL;
      }
      peek.skipName();
      peek.skipValue();
    }
    return false;
  }

  private AzureInstanceData unwrap(JsonReader reader) throws IOException {
    AzureInstanceData data = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(WRAPPER) == 0) {
        data = delegate.fromJson(reader);
      } else {
        reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    return data;
  }

  @Override
  public void toJson(JsonWriter writer, AzureInstanceData value) throws IOException {
    delegate.toJson(writer, value);
  }

  @Override
  public String toString() {
    return "JsonAdapter(AzureInstanceData, embedded JSON accepted)";
  }
}
