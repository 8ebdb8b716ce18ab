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
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every failed response becomes one typed exception carrying what support needs. */
class ErrorMappingTest {
  private static final String NOT_FOUND =
      "{\"code\": 20003, \"description\": \"Subscription not found.\", \"data\": [], \"source\": \"PartnerFD\"}";

  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private void listAll() {
    try (PartnerCenterClient client = pc.client().build()) {
      ids(client.utilizations(CUSTOMER, SUBSCRIPTION, query()));
    }
  }

  private static MockResponse error(int code, String body) {
    return status(code)
        .setHeader("Content-Type", "application/json")
        .setHeader("MS-RequestId", "req-echoed")
        .setHeader("MS-CorrelationId", "corr-echoed")
        .setBody(body);
  }

  @Test
  void mapsBadRequestWithEveryPartnerCenterField() {
    String body =
        "{\"code\": 20003, \"description\": \"Invalid start_time.\", \"errorName\": \"InvalidInput\","
            + " \"isRetryable\": false, \"data\": [], \"source\": \"PartnerFD\"}";
    pc.enqueue(error(400, body));

    BadRequestException e = thrown(BadRequestException.class, this::listAll);

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorCode()).isEqualTo("20003");
    assertThat(e.description()).isEqualTo("Invalid start_time.");
    assertThat(e.errorName()).isEqualTo("InvalidInput");
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.requestId()).isEqualTo("req-echoed");
    assertThat(e.correlationId()).isEqualTo("corr-echoed");
    assertThat(e.rawBody()).isEqualTo(body);
    assertThat(e.getMessage())
        .contains("utilization records of customer " + CUSTOMER)
        .contains("HTTP 400")
        .contains("20003")
        .contains("Invalid start_time.")
        .contains("req-echoed");
  }

  @Test
  void mapsForbidden() {
    pc.enqueue(error(403, "{\"code\": 20002, \"description\": \"No relationship.\"}"));

    ForbiddenException e = thrown(ForbiddenException.class, this::listAll);

    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.errorCode()).isEqualTo("20002");
    assertThat(e.description()).isEqualTo("No relationship.");
    assertThat(e.requestId()).isEqualTo("req-echoed");
    assertThat(e.correlationId()).isEqualTo("corr-echoed");
  }

  @Test
  void mapsNotFoundWithAHintAtTheUsualCauses() {
    pc.enqueue(error(404, NOT_FOUND));

    NotFoundException e = thrown(NotFoundException.class, this::listAll);

    assertThat(e.errorCode()).isEqualTo("20003");
    assertThat(e.description()).isEqualTo("Subscription not found.");
    assertThat(e.rawBody()).isEqualTo(NOT_FOUND);
    assertThat(e.getMessage())
        .contains("Azure plan subscription, which the utilization endpoint does not serve")
        .contains("relationship")
        .contains("subscription id");
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void aUsageSummaryNotFoundNamesItsOwnCausesNotTheUtilizationOnes() {
    pc.enqueue(error(404, NOT_FOUND));

    NotFoundException e;
    try (PartnerCenterClient client = pc.client().build()) {
      e = thrown(NotFoundException.class, () -> client.usageSummary(CUSTOMER, SUBSCRIPTION));
    }

    assertThat(e.getMessage())
        .contains("GET usage summary")
        .contains("relationship")
        .contains("the usage summary serves legacy and Azure plan subscriptions alike")
        .doesNotContain("utilization");
  }

  @Test
  void readsAnErrorCodeSentAsAString() {
    pc.enqueue(
        error(400, "{\"code\": \"800011\", \"description\": \"Not a valid Azure subscription.\"}"));

    BadRequestException e = thrown(BadRequestException.class, this::listAll);

    assertThat(e.errorCode()).isEqualTo("800011");
  }

  @Test
  void mapsANonJsonErrorBodyToTheStatusType() {
    pc.enqueue(
        status(404)
            .setHeader("Content-Type", "text/html")
            .setBody("<html><body>Not Found</body></html>"));

    NotFoundException e = thrown(NotFoundException.class, this::listAll);

    assertThat(e.rawBody()).isEqualTo("<html><body>Not Found</body></html>");
    assertThat(e.errorCode()).isNull();
    assertThat(e.description()).isNull();
  }

  @Test
  void mapsAnEmptyErrorBodyToTheStatusType() {
    pc.enqueue(status(403));

    ForbiddenException e = thrown(ForbiddenException.class, this::listAll);

    assertThat(e.rawBody()).isNull();
    assertThat(e.errorCode()).isNull();
    assertThat(e.getMessage()).contains("HTTP 403").contains("empty body");
  }

  @Test
  void mapsAnEmptyUnauthorizedBodyFromTheGateway() {
    pc.enqueue(status(401));
    pc.enqueue(status(401).setBody("Unauthorized"));

    UnauthorizedException e = thrown(UnauthorizedException.class, this::listAll);

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.rawBody()).isEqualTo("Unauthorized");
  }

  @Test
  void mapsAServerErrorWithATruncatedJsonBody() {
    for (int i = 0; i < 4; i++) {
      pc.enqueue(status(500).setBody("{\"code\": 800002, \"descrip"));
    }

    ServerException e = thrown(ServerException.class, this::listAll);

    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.rawBody()).isEqualTo("{\"code\": 800002, \"descrip");
  }

  @Test
  void carriesTheSentRequestIdWhenTheServiceEchoesNone() throws InterruptedException {
    pc.enqueue(status(404).setBody(NOT_FOUND));

    PartnerCenterException e = thrown(NotFoundException.class, this::listAll);

    String sent = pc.takeRequest().getHeader("MS-RequestId");
    assertThat(e.requestId()).isEqualTo(sent);
    assertThat(e.correlationId()).isNotNull();
    assertThat(e.getMessage()).contains(sent);
  }
}
