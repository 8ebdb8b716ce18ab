package io.github.pcusage.sandbox;

/**
 * A Partner Center error answer: the HTTP status and the body's numeric {@code code} and {@code
 * description}. The body is always {@code {"code": N, "description": "...", "data": [], "source":
 * "PartnerFD"}}.
 *
 * @param status the HTTP status
 * @param code the Partner Center error code, sent as a JSON number
 * @param description the description
 */
record ApiError(int status, long code, String description) {

  /** 400 with code 400030: a parameter is missing or not valid. */
  static ApiError invalidInput(String description) {
    return new ApiError(400, 400030, description);
  }

  /** 401 with code 900902: no bearer token. */
  static ApiError missingToken() {
    return new ApiError(
        401, 900902, "Authentication failed: the request has no bearer access token.");
  }

  /** 401 with code 900901: the bearer token is not accepted. */
  static ApiError invalidToken() {
    return new ApiError(
        401, 900901, "Authentication failed: the access token is invalid or has expired.");
  }

  /** 403 with code 20002: no relationship with the customer. */
  static ApiError forbidden(String customerId) {
    return new ApiError(
        403,
        20002,
        "The partner does not have a relationship with the customer " + customerId + ".");
  }

  /** 404 with code 20003: the subscription is unknown. */
  static ApiError subscriptionNotFound() {
    return new ApiError(404, 20003, "Subscription not found.");
  }

  /** 404 with code 3000: the subscription has no usage. */
  static ApiError noUsage() {
    return new ApiError(404, 3000, "There is no usage data for this subscription.");
  }

  /** 404 with code 600008: the path matches no operation. */
  static ApiError unknownPath(String path) {
    return new ApiError(404, 600008, "The requested resource was not found: " + path);
  }

  /** 405 with code 600009: only GET is served. */
  static ApiError methodNotAllowed(String method) {
    return new ApiError(405, 600009, "The method " + method + " is not allowed on this resource.");
  }

  /** 500 with code 800002: an unexpected service error. */
  static ApiError internal() {
    return new ApiError(500, 800002, "An unexpected service error occurred.");
  }

  /** 503 with code 800003: the service is unavailable. */
  static ApiError unavailable() {
    return new ApiError(
        503, 800003, "The service is temporarily unavailable. Please try again later.");
  }
}
