package io.github.pcusage.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import java.io.IOException;

/**
 * Decodes a response body in one pass. {@link CallEngine} hands it a reader over the body's bytes
 * and the reader's byte offset, for decoders that note where values start and end ({@link
 * CollectionDecoder}).
 *
 * @param <T> the decoded type
 */
@FunctionalInterface
public interface BodyDecoder<T> {
  /**
   * Reads one JSON value from {@code reader}.
   *
   * @param reader the reader, at the start of the document
   * @param offset the offset in the body of the next byte the reader has not consumed
   * @return the value
   * @throws IOException if the JSON is malformed or does not fit (Moshi's exceptions)
   */
  T decode(JsonReader reader, Offset offset) throws IOException;

  /**
   * Returns a decoder that reads the value with {@code adapter}.
   *
   * @param adapter the adapter
   * @param <T> the decoded type
   * @return the decoder
   */
  static <T> BodyDecoder<T> of(JsonAdapter<T> adapter) {
    return (reader, offset) -> adapter.fromJson(reader);
  }

  /** The offset in the body of the next byte a reader has not consumed. */
  interface Offset {
    /**
     * Returns the offset.
     *
     * @return bytes from the start of the body
     */
    long get();
  }
}
