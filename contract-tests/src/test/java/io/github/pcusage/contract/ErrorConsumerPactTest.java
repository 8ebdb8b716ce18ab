package io.github.pcusage.contract;

import static io.github.pcusage.contract.Contracts.CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.pcusage.BadRequestException;
import io.github.pcusage.DataNotReadyException;
import io.github.pcusage.ForbiddenException;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.ServerException;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.model.Granularity;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the SDK expects of the utilization endpoint when it does not return records. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = Contracts.PROVIDER,
    pactVersion = PactSpecVersion.V4,
    hostInterface = "127.0.0.1")
class ErrorConsumerPactTest {
  private static final String REQUEST_ID = "4b7a7c1e-3d55-4a1e-9b43-2f8c2a9d7e10";
  private static final String CORRELATION_ID = "9d2f6b3a-1c4e-4f7a-8b5d-0e6c3a2f1b47";

  private static V4Pact failing(
      PactDslWithProvider builder,
      String state,
      String description,
      int status,
      DslPart body,
      boolean retryAfter) {
    var response =
        Contracts.trackingHeaders(
                builder
                    .given(state)
                    .uponReceiving(description)
                    .method("GET")
                    .path(Contracts.UTILIZATION_PATH)
                    .matchQuery("start_time", Contracts.DATE_TIME, Contracts.START)
                    .matchQuery("end_time", Contracts.DATE_TIME, Contracts.END)
                    .matchQuery("granularity", "(?i)daily", "daily")
                    .matchQuery("show_details", "true|false", "true")
                    .matchQuery("size", Contracts.SIZE, Integer.toString(Contracts.PAGE_SIZE)))
            .willRespondWith()
            .status(status)
            .matchHeader("MS-RequestId", Contracts.UUID, REQUEST_ID)
            .matchHeader("MS-CorrelationId", Contracts.UUID, CORRELATION_ID);
    if (retryAfter) {
      response = response.matchHeader("Retry-After", "\\d+", "1");
    }
    if (body != null) {
      response =
          response
              .matchHeader("Content-Type", "application/json.*", "application/json; charset=utf-8")
              .body(body);
    }
    return response.toPact(V4Pact.class);
  }

  private static <T extends PartnerCenterException> T listingFails(
      MockServer server, Class<T> type) {
    try (PartnerCenterClient client = ContractClients.client(server)) {
      T thrown =
          catchThrowableOfType(
              type,
              () ->
                  client
                      .utilizations(
                          Contracts.CUSTOMER,
                          Contracts.SUBSCRIPTION,
                          ContractClients.query(Granularity.DAILY, true))
                      .iterator()
                      .hasNext());
      assertThat(thrown).as("expected " + type.getSimpleName()).isNotNull();
      assertThat(thrown.requestId()).isEqualTo(REQUEST_ID);
      assertThat(thrown.continuation()).isPresent();
      return thrown;
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact notReady(PactDslWithProvider builder) {
    return failing(
        builder,
        Contracts.NOT_READY,
        "a request while the usage data is not ready",
        204,
        null,
        true);
  }

  @Test
  @PactTestFor(pactMethod = "notReady")
  void noContentWithRetryAfterIsDataNotReady(MockServer server) {
    DataNotReadyException e = listingFails(server, DataNotReadyException.class);
    assertThat(e.statusCode()).isEqualTo(204);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
  }

  @Pact(consumer = CONSUMER)
  V4Pact badRequest(PactDslWithProvider builder) {
    return failing(
        builder,
        Contracts.BAD_REQUEST,
        "a request the service refuses as invalid",
        400,
        Contracts.error(800002, "The start_time parameter is not valid."),
        false);
  }

  @Test
  @PactTestFor(pactMethod = "badRequest")
  void badRequestCarriesCodeAndDescription(MockServer server) {
    BadRequestException e = listingFails(server, BadRequestException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorCode()).isEqualTo("800002");
    assertThat(e.description()).isEqualTo("The start_time parameter is not valid.");
  }

  @Pact(consumer = CONSUMER)
  V4Pact unauthorized(PactDslWithProvider builder) {
    return failing(
        builder,
        Contracts.UNAUTHORIZED,
        "a request with a token the service does not accept",
        401,
        Contracts.error("900420", "Authentication failed."),
        false);
  }

  @Test
  @PactTestFor(pactMethod = "unauthorized")
  void unauthorizedAfterOneRefresh(MockServer server) {
    UnauthorizedException e = listingFails(server, UnauthorizedException.class);
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.errorCode()).isEqualTo("900420");
  }

  @Pact(consumer = CONSUMER)
  V4Pact forbidden(PactDslWithProvider builder) {
    return failing(
        builder,
        Contracts.FORBIDDEN,
        "a request the partner may not make",
        403,
        Contracts.error(20002, "The partner does not have a relationship with the customer."),
        false);
  }

  @Test
  @PactTestFor(pactMethod = "forbidden")
  void forbiddenCarriesCode(MockServer server) {
    ForbiddenException e = listingFails(server, ForbiddenException.class);
    assertThat(e.errorCode()).isEqualTo("20002");
    assertThat(e.description()).contains("relationship");
  }

  @Pact(consumer = CONSUMER)
  V4Pact notFound(PactDslWithProvider builder) {
    return failing(
        builder,
        Contracts.NOT_FOUND,
        "a request for a subscription that does not exist",
        404,
        Contracts.error(20003, "Subscription not found."),
        false);
  }

  @Test
  @PactTestFor(pactMethod = "notFound")
  void notFoundCarriesCodeAndHint(MockServer server) {
    NotFoundException e = listingFails(server, NotFoundException.class);
    assertThat(e.errorCode()).isEqualTo("20003");
    assertThat(e.description()).isEqualTo("Subscription not found.");
    assertThat(e.getMessage()).contains("Azure plan");
  }

  @Pact(consumer = CONSUMER)
  V4Pact throttled(PactDslWithProvider builder) {
    return failing(
        builder,
        Contracts.THROTTLED,
        "a request while the partner is throttled",
        429,
        Contracts.throttled(),
        true);
  }

  @Test
  @PactTestFor(pactMethod = "throttled")
  void throttledCarriesRetryAfterAndMessage(MockServer server) {
    ThrottledException e = listingFails(server, ThrottledException.class);
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(e.description()).startsWith("Rate limit is exceeded");
  }

  @Pact(consumer = CONSUMER)
  V4Pact serverError(PactDslWithProvider builder) {
    return failing(
        builder,
        Contracts.SERVER_ERROR,
        "a request the service fails to answer",
        500,
        Contracts.error(800003, "An unexpected service error occurred."),
        false);
  }

  @Test
  @PactTestFor(pactMethod = "serverError")
  void serverErrorCarriesCode(MockServer server) {
    ServerException e = listingFails(server, ServerException.class);
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.errorCode()).isEqualTo("800003");
  }
}
