package io.github.pcusage.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The SDK's shared {@link Moshi}: decodes and encodes every model of the Partner Center usage API.
 *
 * <ul>
 *   <li>{@code BigDecimal}: exact, from the number's own text; the scale received is kept ({@code
 *       2.0} stays {@code 2.0}) and numbers are written in plain notation.
 *   <li>{@code OffsetDateTime}: ISO-8601 with 0 to 9 fractional digits, {@code Z} or {@code
 *       +hh:mm}; the offset received is kept. A date-time without offset is read as UTC.
 *   <li>{@code Map<String, String>} ({@code tags}, {@code additionalInfo}, {@code infoFields}):
 *       accepts an object whose values are strings, numbers, booleans or null, an empty string, a
 *       JSON string holding an object, or null, and never fails the page on them. Any other string
 *       keeps its text as the one value of the map, under the key {@code ""}.
 *   <li>Every model and enum uses the adapter generated from the spec (found by Moshi itself
 *       through the model's {@code @JsonClass(generateAdapter = true, generator =
 *       "pcusage-templates")}): unknown fields are skipped, unknown enum values decode to {@code
 *       UNKNOWN}, required fields are checked.
 *   <li>{@code SubscriptionUsageSummary} also decodes from a one-item collection.
 *   <li>{@code AzureInstanceData} also decodes from a JSON string holding the object, or holding it
 *       under {@code Microsoft.Resources} (the Azure usage feed's form).
 *   <li>An explicit {@code null} for any optional field decodes as the field's absence.
 *   <li>Text: invalid UTF-8 inside a JSON string (a stray byte, an overlong or truncated sequence,
 *       an encoded surrogate) is replaced with U+FFFD, never refused; invalid UTF-8 outside strings
 *       is a syntax error ({@code JsonEncodingException}). A lone surrogate written as an escape
 *       ({@code "\u005cud800"}) decodes as that char, but has no UTF-8 form: re-encoding writes
 *       {@code ?}.
 *   <li>Limits: nesting deeper than 255 levels fails with {@code JsonDataException}, as do numbers
 *       longer than 1,000 characters or with an exponent beyond +/-1,000 ({@code 1e-999999999}
 *       would be a billion digits in plain form).
 * </ul>
 *
 * <pre>{@code
 * JsonAdapter<AzureUtilizationRecord> adapter =
 *     PartnerCenterJson.moshi().adapter(AzureUtilizationRecord.class);
 * AzureUtilizationRecord record = adapter.fromJson(json);
 * }</pre>
 */
public final class PartnerCenterJson {
  private static final Moshi MOSHI =
      new Moshi.Builder()
          .add(BigDecimalAdapter.FACTORY)
          .add(OffsetDateTimeAdapter.FACTORY)
          .add(LenientStringMapAdapter.FACTORY)
          .add(UsageSummaryUnwrappingAdapter.FACTORY)
          .add(EmbeddedInstanceDataAdapter.FACTORY)
          .build();

  private PartnerCenterJson() {}

  /**
   * Returns the shared, thread-safe {@link Moshi} instance.
   *
   * @return the Moshi that knows every Partner Center model
   */
  public static Moshi moshi() {
    return MOSHI;
  }

  /**
   * Returns the adapter for {@code type} from {@link #moshi()}.
   *
   * @param type the Java type to decode or encode
   * @param <T> the Java type
   * @return the adapter, thread-safe
   */
  public static <T> JsonAdapter<T> adapter(Type type) {
    return MOSHI.adapter(Objects.requireNonNull(type, "type == null"));
  }
}
