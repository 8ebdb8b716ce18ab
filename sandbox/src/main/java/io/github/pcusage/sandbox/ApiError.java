package io.github.pcusage.sandbox;

/**
 * A Partner Center error answer: the HTTP status and the body's {@code code} and {@code
 * description}. The body is {@code {"code": ..., "description": "...", "data": [], "source":
 * "PartnerFD"}}; {@code code} is a JSON number, a JSON string, or absent where no document gives
 * one (see the sandbox README's error table, which marks those answers as assumptions).
 *
 * <p>Only documented codes are used: 800002 (400, invalid request input), 800003 (500, unexpected
 * service error), 20002 (no relationship with the customer), 20003 (subscription not found), 800011
 * (not a valid Azure subscription), 3000 (no usage data), 2000 (the end of a customer listing, in
 * an opt-in mode), 60003 (tenant not found) and the string {@code "900420"} (401, a token with the
 * wrong audience).
 *
 * @param status the HTTP status
 * @param code the Partner Center error code as its digits, or null to send no {@code code}
 * @param codeAsString whether the code is sent as a JSON string rather than a number
 * @param description the description
 */
record ApiError(int status, String code, boolean codeAsString, String description) {

  /** 400 with code 800002: the request input is not valid. */
  static ApiError invalidInput(String description) {
    return new ApiError(400, "800002", false, description);
  }

  /** 400 with code 800011: the subscription is not a valid Azure subscription. */
  static ApiError notAnAzureSubscription() {
    return new ApiError(
        400, "800011", false, "The subscription is not a valid Azure subscription.");
  }

  /** 401 with the string code "900420": the bearer token is not accepted (e.g. wrong audience). */
  static ApiError invalidToken() {
    return new ApiError(
        401,
        "900420",
        true,
        "Authentication failed: the access token is not valid for this resource.");
  }

  /** 403 with code 20002: no relationship with the customer. */
  static ApiError forbidden(String customerId) {
    return new ApiError(
        403,
        "20002",
        false,
        "The partner does not have a relationship with the customer " + customerId + ".");
  }

  /**
   * 403 without a code: the partner may not list its customers. No document gives the code (an
   * assumption of the sandbox).
   */
  static ApiError operationForbidden() {
    return new ApiError(
        403, null, false, "The partner is not authorized to perform this operation.");
  }

  /**
   * 403 with code 800043 (access to pricing information is not granted): the rate card refused. The
   * code is documented, but not for this call (an assumption of the sandbox).
   */
  static ApiError pricingForbidden() {
    return new ApiError(403, "800043", false, "Access to pricing information is not granted.");
  }

  /** 404 with code 20003: the subscription is unknown. */
  static ApiError subscriptionNotFound() {
    return new ApiError(404, "20003", false, "Subscription not found.");
  }

  /**
   * 404 without a code: the utilization answer for an Azure plan subscription, with the service's
   * description. The code is not documented (an assumption of the sandbox).
   */
  static ApiError azurePlanNotFound(String subscriptionId) {
    return new ApiError(
        404,
        null,
        false,
        "Subscription id '" + subscriptionId + "' provided was not found under this customer.");
  }

  /**
   * 400 with code 2000, sent only in the opt-in mode of {@link
   * Sandbox.Builder#endCustomerListWithCode2000}: the follow-up page after the last customer.
   * Microsoft's own tooling reads it as the end of the listing; the description is the sandbox's
   * own.
   */
  static ApiError endOfListing() {
    return new ApiError(400, "2000", false, "There are no more records to return.");
  }

  /**
   * 404 with code 60003 (tenant not found): the subscription list of an unknown customer. Which
   * code the service uses here is not documented (an assumption of the sandbox).
   */
  static ApiError customerNotFound(String customerId) {
    return new ApiError(404, "60003", false, "Tenant '" + customerId + "' was not found.");
  }

  /** 404 with code 3000: the subscription has no usage. */
  static ApiError noUsage() {
    return new ApiError(404, "3000", false, "There is no usage data for this subscription.");
  }

  /** 404 without a code (none is documented): the path matches no operation. */
  static ApiError unknownPath(String path) {
    return new ApiError(404, null, false, "The requested resource was not found: " + path);
  }

  /** 405 without a code (none is documented): only GET is served. */
  static ApiError methodNotAllowed(String method) {
    return new ApiError(
        405, null, false, "The method " + method + " is not allowed on this resource.");
  }

  /** 500 with code 800003: an unexpected service error. */
  static ApiError internal() {
    return new ApiError(500, "800003", false, "An unexpected service error occurred.");
  }

  /** 503 without a code (none is documented): the service is unavailable. */
  static ApiError unavailable() {
    return new ApiError(
        503, null, false, "The service is temporarily unavailable. Please try again later.");
  }
}
