package io.github.pcusage.internal.json;

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
          type == BigDecimal.class && annotations.isEmpty()
              ? new BigDecimalAdapter().nullSafe()
              : null;

  /** Longest number text accepted; longer ones are refused rather than parsed at great cost. */
  private static final int MAX_LENGTH = 1_000;

  @Override
  public BigDecimal fromJson(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
      throw new JsonDataException(
          "Expected a number but was " + token + " at path " + reader.getPath());
    }
    String text = reader.nextString();
    BigDecimal fast = parsePlain(text);
    // The path is built only when it is needed: on failure.
    return fast != null ? fast : parse(text, reader.getPath());
  }

  static BigDecimal parse(String text, String path) {
    if (text.length() > MAX_LENGTH) {
      throw new JsonDataException(
          "Number of " + text.length() + " characters is too long at path " + path);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new JsonDataException(
          "Expected a decimal number but was '" + snippet(text) + "' at path " + path, e);
    }
    // 1e-999999999 is a short text whose plain form (written by toJson, and by any caller of
    // toPlainString) is a billion digits long: refuse exponents that no usage figure can have.
    if (value.scale() > MAX_LENGTH || value.scale() < -MAX_LENGTH) {
      throw new JsonDataException(
          "Number '"
              + snippet(text)
              + "' has an exponent out of range (at most "
              + MAX_LENGTH
              + " digits either side of the point) at path "
              + path);
    }
    return value;
  }

  /**
   * Parses the common shape {@code -?digits[.digits]} with at most 18 significant digits straight
   * into a {@code long} and a scale, equal (value and scale) to {@code new BigDecimal(text)} but
   * without its intermediate char array; returns {@code null} for any other text.
   */
  static BigDecimal parsePlain(String text) {
    int n = text.length();
    if (n > 64) {
      return null;
    }
    int i = 0;
    boolean negative = n > 0 && text.charAt(0) == '-';
    if (negative) {
      i = 1;
    }
    long unscaled = 0;
    int significant = 0;
    int digits = 0;
    int scale = -1;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (unscaled != 0 || c != '0') {
          if (++significant > 18) {
            return null;
          }
        }
        unscaled = unscaled * 10 + (c - '0');
        digits++;
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0 && digits > 0 && i + 1 < n) {
        scale = 0;
      } else {
        return null;
      }
    }
    if (digits == 0 || scale == 0) {
      return null;
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
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
