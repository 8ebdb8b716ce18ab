package io.github.pcusage.internal.http;

import com.squareup.moshi.JsonAdapter;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.PartnerCenterError;
import io.github.pcusage.model.ThrottlingError;
import java.io.IOException;
import java.util.Map;

/**
 * Reads an error body with the models generated from the spec: a {@link PartnerCenterError} ({@code
 * code}, {@code description}, ...) or a {@link ThrottlingError} ({@code statusCode}, {@code
 * message}). Leniently: a body that fits neither (a required field missing, a gateway's HTML, a
 * body cut short) keeps what a plain JSON object holds of those fields, or nothing.
 */
final class ErrorBodies {
  static final ErrorBodies NONE = new ErrorBodies(null, null, null, null);

  private static final JsonAdapter<PartnerCenterError> ERROR =
      PartnerCenterJson.adapter(PartnerCenterError.class);
  private static final JsonAdapter<ThrottlingError> THROTTLING =
      PartnerCenterJson.adapter(ThrottlingError.class);
  private static final JsonAdapter<Object> ANY = PartnerCenterJson.adapter(Object.class);

  final String errorCode;
  final String description;
  final String errorName;
  final Boolean retryable;

  private ErrorBodies(String errorCode, String description, String errorName, Boolean retryable) {
    this.errorCode = errorCode;
    this.description = description;
    this.errorName = errorName;
    this.retryable = retryable;
  }

  /**
   * Returns the fields of {@code body} that an exception carries; none for a body that is not JSON.
   */
  static ErrorBodies read(String body) {
    String trimmed = body.trim();
    if (!trimmed.startsWith("{")) {
      return NONE;
    }
    try {
      PartnerCenterError error = ERROR.fromJson(trimmed);
      return new ErrorBodies(
          error.getCode(), error.getDescription(), error.getErrorName(), error.getIsRetryable());
    } catch (IOException | RuntimeException notThatModel) {
      // try the next shape
    }
    try {
      return new ErrorBodies(null, THROTTLING.fromJson(trimmed).getMessage(), null, null);
    } catch (IOException | RuntimeException notThatModel) {
      // an incomplete body: keep the fields it has
    }
    Object any;
    try {
      any = ANY.fromJson(trimmed);
    } catch (IOException | RuntimeException notJson) {
      return NONE;
    }
    if (!(any instanceof Map)) {
      return NONE;
    }
    Map<?, ?> fields = (Map<?, ?>) any;
    String description = scalar(fields.get("description"));
    String retryable = scalar(fields.get("isRetryable"));
    return new ErrorBodies(
        scalar(fields.get("code")),
        description != null ? description : scalar(fields.get("message")),
        scalar(fields.get("errorName")),
        retryable == null ? null : Boolean.valueOf(retryable));
  }

  private static String scalar(Object value) {
    if (value instanceof Double) {
      double d = (Double) value;
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : value.toString();
    }
    return value instanceof String || value instanceof Boolean ? value.toString() : null;
  }
}
