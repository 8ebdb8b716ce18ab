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
 * Decodes {@link AzureInstanceData} also when it arrives as a JSON string wrapping the object, as
 * the upstream Azure usage data has at times carried it; a blank string decodes to {@code null}.
 * Writes an ordinary object.
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
      AzureInstanceData data = delegate.fromJson(embedded);
      if (embedded.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("Trailing data after the object");
      }
      return data;
    } catch (JsonDataException | IOException e) {
      throw new JsonDataException(
          "Expected instanceData as an object or a JSON string holding one at path "
              + path
              + ": "
              + e.getMessage(),
          e);
    }
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
