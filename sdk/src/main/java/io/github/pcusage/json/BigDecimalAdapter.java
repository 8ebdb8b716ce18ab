package io.github.pcusage.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import okio.BufferedSink;

/**
 * Decodes JSON numbers to {@link BigDecimal} from their text, so that no digit and no trailing zero
 * is lost, and writes them back in plain (never scientific) notation when the scale allows.
 */
final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
  static final JsonAdapter.Factory FACTORY =
      (type, annotations, moshi) ->
          type == BigDecimal.class && annotations.isEmpty() ? new BigDecimalAdapter().nullSafe() : null;

  /** Longest number text accepted; longer ones are refused rather than parsed at great cost. */
  private static final int MAX_LENGTH = 1_000;

  @Override
  public BigDecimal fromJson(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
      throw new JsonDataException("Expected a number but was " + token + " at path " + reader.getPath());
    }
    String text = reader.nextString();
    return parse(text, reader.getPath());
  }

  static BigDecimal parse(String text, String path) {
    if (text.length() > MAX_LENGTH) {
      throw new JsonDataException("Number of " + text.length() + " characters is too long at path " + path);
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new JsonDataException("Expected a decimal number but was '" + snippet(text) + "' at path " + path, e);
    }
  }

  private static String snippet(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  @Override
  public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
    // Plain text keeps the value and its scale; a negative scale (1E+3) keeps its exponent form.
    String text = value.scale() >= 0 ? value.toPlainString() : value.toString();
    try (BufferedSink sink = writer.valueSink()) {
      sink.writeUtf8(text);
    }
  }

  @Override
  public String toString() {
    return "JsonAdapter(BigDecimal)";
  }
}
