package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.status;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.BadRequestException;
import io.github.pcusage.ForbiddenException;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.ServerException;
import io.github.pcusage.UnauthorizedException;
import io.github.pcusage.testing.MockPartnerCenter;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The error codes Microsoft documents for these calls, on both operations: {@code errorCode()} is
 * the code as received (a number's text, or the string sent), a 401 without a token has no body.
 */
class DocumentedErrorCodesTest {
  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static final String LISTING = "utilizations";

  private static String error(String code, String description) {
    return "{\"code\": "
        + code
        + ", \"description\": \""
        + description
        + "\", \"data\": [],"
        + " \"source\": \"PartnerFD\"}";
  }

  private void call(String operation) {
    try (PartnerCenterClient client = pc.client().build()) {
      if (operation.equals(LISTING)) {
        ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
      } else {
        client.usageSummary(CUSTOMER, SUBSCRIPTION);
      }
    }
  }

  private void enqueue(int times, MockResponse response) {
    for (int i = 0; i < times; i++) {
      pc.server().enqueue(response.clone());
    }
  }

  private static Consumer<PartnerCenterException> code(String code, String description) {
    return e -> {
      assertThat(e.errorCode()).isEqualTo(code);
      assertThat(e.description()).isEqualTo(description);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {LISTING, "usageSummary"})
  void invalidInputIs800002(String operation) {
    pc.server().enqueue(status(400).setBody(error("800002", "Invalid request input.")));

    BadRequestException e = thrown(BadRequestException.class, () -> call(operation));

    code("800002", "Invalid request input.").accept(e);
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {LISTING, "usageSummary"})
  void anUnexpectedServiceErrorIs800003AndIsRetried(String operation) {
    enqueue(4, status(500).setBody(error("800003", "An unexpected service error occurred.")));

    ServerException e = thrown(ServerException.class, () -> call(operation));

    code("800003", "An unexpected service error occurred.").accept(e);
    assertThat(pc.server().getRequestCount()).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {LISTING, "usageSummary"})
  void subscriptionNotFoundIs20003(String operation) {
    pc.server().enqueue(status(404).setBody(error("20003", "Subscription not found.")));

    NotFoundException e = thrown(NotFoundException.class, () -> call(operation));

    code("20003", "Subscription not found.").accept(e);
  }

  @ParameterizedTest
  @ValueSource(strings = {LISTING, "usageSummary"})
  void noRelationshipWithTheCustomerIs20002(String operation) {
    String description = "The partner does not have a relationship with the customer.";
    pc.server().enqueue(status(403).setBody(error("20002", description)));

    ForbiddenException e = thrown(ForbiddenException.class, () -> call(operation));

    code("20002", description).accept(e);
  }

  @ParameterizedTest
  @ValueSource(strings = {LISTING, "usageSummary"})
  void aWrongAudienceIsTheString900420(String operation) {
    String description = "The access token's audience is not the Partner Center API.";
    // Refused again after the one retry with a fresh token.
    enqueue(2, status(401).setBody(error("\"900420\"", description)));

    UnauthorizedException e = thrown(UnauthorizedException.class, () -> call(operation));

    code("900420", description).accept(e);
    assertThat(e.rawBody()).contains("\"code\": \"900420\"");
    assertThat(e.getMessage()).contains("Partner Center code 900420").contains("audience");
  }

  @ParameterizedTest
  @ValueSource(strings = {LISTING, "usageSummary"})
  void aMissingTokenGetsNoBodyAndAWwwAuthenticateHeader(String operation) {
    enqueue(2, status(401).setHeader("WWW-Authenticate", "Bearer"));

    UnauthorizedException e = thrown(UnauthorizedException.class, () -> call(operation));

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.errorCode()).isNull();
    assertThat(e.description()).isNull();
    assertThat(e.rawBody()).isNull();
    assertThat(e.getMessage()).contains("HTTP 401 (empty body)");
  }

  @ParameterizedTest
  @ValueSource(strings = {LISTING, "usageSummary"})
  void aServiceUnavailableBodyWithoutACodeKeepsItsDescription(String operation) {
    enqueue(
        4,
        status(503)
            .setHeader("Retry-After", "3")
            .setBody(
                "{\"description\": \"The service is temporarily unavailable.\", \"data\": [],"
                    + " \"source\": \"PartnerFD\"}"));

    ServerException e = thrown(ServerException.class, () -> call(operation));

    code(null, "The service is temporarily unavailable.").accept(e);
    assertThat(pc.sleeper().delays())
        .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3));
  }
}
