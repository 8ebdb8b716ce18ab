package io.github.pcusage;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Decodes response bodies with the shared Moshi, straight from the body's bytes (no intermediate
 * String), and turns a failure into a {@link BodyDecodingException} holding the JSON path and a
 * snippet of the body around the point of failure (link header values, which carry continuation
 * tokens, redacted), and marks a body whose JSON stops short as truncated. Also formats {@link
 * OffsetDateTime} query parameters as ISO-8601 with seconds and offset. The body is read into a
 * reused chunks ({@link BodyArrays}) and decoded from them, so a page costs no allocation of its
 * size. Invalid UTF-8 in a body is replaced with U+FFFD.
 */
final class DecodingConverterFactory extends Converter.Factory {
  private static final int SNIPPET_BEFORE = 80;
  private static final int SNIPPET_AFTER = 40;

  private final Moshi moshi;

  DecodingConverterFactory(Moshi moshi) {
    this.moshi = moshi;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    JsonAdapter<Object> adapter = moshi.adapter(type);
    return body -> decode(adapter, body);
  }

  @Override
  public Converter<?, String> stringConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type == OffsetDateTime.class) {
      return value -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
    }
    return null;
  }

  static <T> T decode(JsonAdapter<T> adapter, ResponseBody body) throws IOException {
    BodyArrays.Filled all;
    try (body) {
      all = BodyArrays.readAll(body.source(), Long.MAX_VALUE);
    }
    // Kept until decoded, for the snippet of a failure; given back when the source is closed.
    CountingSource counting = new CountingSource(all.source(false));
    try (BufferedSource source = Okio.buffer(counting)) {
      JsonReader reader = JsonReader.of(source);
      try {
        T value = adapter.fromJson(reader);
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
          throw new JsonDataException(
              "JSON document was not fully consumed at path " + reader.getPath());
        }
        return value;
      } catch (JsonDataException | IOException e) {
        long position = counting.count - source.getBuffer().size();
        Buffer bytes = all.toBuffer();
        String snippet =
            BodySnippet.of(
                bytes,
                Math.max(0, position - SNIPPET_BEFORE),
                Math.min(all.length(), position + SNIPPET_AFTER));
        throw new BodyDecodingException(e, snippet, BodySnippet.endsInsideValue(bytes));
      }
    }
  }

  private static final class CountingSource extends ForwardingSource {
    long count;

    CountingSource(Source delegate) {
      super(delegate);
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long read = super.read(sink, byteCount);
      if (read > 0) {
        count += read;
      }
      return read;
    }
  }
}
