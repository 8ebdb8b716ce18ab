package io.github.pcusage.internal.http;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Decodes a body held in {@link BodyArrays} chunks, straight from them (no intermediate String or
 * copy of the page), and turns a failure into a {@link BodyDecodingException} holding the JSON path
 * and a snippet of the body around the point of failure (link header values, which carry
 * continuation tokens, redacted), marked as truncated when the JSON stops short. Invalid UTF-8 in a
 * string is replaced with U+FFFD. One leading UTF-8 byte order mark is skipped ({@link
 * ByteOrderMark}); offsets still count from the body's first byte.
 */
final class Decoding {
  private static final int SNIPPET_BEFORE = 80;
  private static final int SNIPPET_AFTER = 40;

  private Decoding() {}

  static <T> T decode(BodyDecoder<T> decoder, BodyArrays.Filled all) throws BodyDecodingException {
    // Offsets stay those of the body: after a byte order mark, the first byte read is at 3.
    int mark = ByteOrderMark.length(all);
    CountingSource counting = new CountingSource(all.source(mark), mark);
    BufferedSource source = Okio.buffer(counting);
    Buffer buffered = source.getBuffer();
    BodyDecoder.Offset offset = () -> counting.count - buffered.size();
    JsonReader reader = JsonReader.of(source);
    try {
      T value = decoder.decode(reader, offset);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException(
            "JSON document was not fully consumed at path " + reader.getPath());
      }
      return value;
    } catch (JsonDataException | IOException e) {
      long position = offset.get();
      Buffer bytes = all.toBuffer();
      String snippet =
          BodySnippet.of(
              bytes,
              Math.max(0, position - SNIPPET_BEFORE),
              Math.min(all.length(), position + SNIPPET_AFTER));
      throw new BodyDecodingException(e, snippet, BodySnippet.endsInsideValue(bytes));
    }
  }

  private static final class CountingSource extends ForwardingSource {
    long count;

    CountingSource(Source delegate, long start) {
      super(delegate);
      this.count = start;
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
