package io.github.pcusage.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.Continuation;
import io.github.pcusage.NotFoundException;
import io.github.pcusage.PartnerCenterException;
import io.github.pcusage.ThrottledException;
import io.github.pcusage.TransportException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Users create the SDK's exceptions in their own tests. */
class ExceptionBuildersTest {
  @Test
  void anExceptionCarriesEveryDetailGivenToItsBuilder() {
    Continuation at = Continuation.parse(ContinuationFormTest.NEXT_PAGE);
    IOException cause = new IOException("reset");

    NotFoundException e =
        new NotFoundException(
            PartnerCenterException.builder()
                .message("no such subscription")
                .cause(cause)
                .statusCode(404)
                .errorCode("20003")
                .description("Subscription not found.")
                .errorName("NotFound")
                .retryable(false)
                .requestId("req-1")
                .correlationId("corr-1")
                .rawBody("{}")
                .continuation(at));

    assertThat(e).hasMessage("no such subscription").hasCause(cause);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.errorCode()).isEqualTo("20003");
    assertThat(e.description()).isEqualTo("Subscription not found.");
    assertThat(e.errorName()).isEqualTo("NotFound");
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.requestId()).isEqualTo("req-1");
    assertThat(e.correlationId()).isEqualTo("corr-1");
    assertThat(e.rawBody()).isEqualTo("{}");
    assertThat(e.continuation()).contains(at);
  }

  @Test
  void retryableFollowsTheStatusWhenTheBodySaysNothing() {
    assertThat(
            new ThrottledException(PartnerCenterException.builder().statusCode(429)).isRetryable())
        .isTrue();
    assertThat(new TransportException(PartnerCenterException.builder()).isRetryable()).isTrue();
    assertThat(PartnerCenterException.builder().statusCode(400).build().isRetryable()).isFalse();
    assertThat(
            new ThrottledException(
                    PartnerCenterException.builder()
                        .statusCode(429)
                        .retryAfter(Duration.ofSeconds(3)))
                .retryAfter())
        .contains(Duration.ofSeconds(3));
  }
}
