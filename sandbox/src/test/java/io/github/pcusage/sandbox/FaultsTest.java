package io.github.pcusage.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultsTest {
  @Test
  void parsesEveryKey() {
    Faults faults =
        Faults.parse(
            " 429=0.05, 429-date=0.01,500=0.02,503=0.02,204-next=0.05,reset=0.01,slow=0.01,"
                + "truncate=0.01,seed=7,slow-ms=250,retry-after=2");

    assertThat(faults.rate(Fault.THROTTLED)).isEqualTo(0.05);
    assertThat(faults.rate(Fault.THROTTLED_HTTP_DATE)).isEqualTo(0.01);
    assertThat(faults.rate(Fault.SERVER_ERROR)).isEqualTo(0.02);
    assertThat(faults.rate(Fault.UNAVAILABLE)).isEqualTo(0.02);
    assertThat(faults.rate(Fault.NEXT_PAGE_NOT_READY)).isEqualTo(0.05);
    assertThat(faults.rate(Fault.CONNECTION_RESET)).isEqualTo(0.01);
    assertThat(faults.rate(Fault.SLOW)).isEqualTo(0.01);
    assertThat(faults.rate(Fault.TRUNCATED_BODY)).isEqualTo(0.01);
    assertThat(faults.seed()).isEqualTo(7);
    assertThat(faults.slowDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(faults.retryAfterSeconds()).isEqualTo(2);
    assertThat(Faults.parse(faults.toString())).isEqualTo(faults);
  }

  @Test
  void emptyAndNoneMeanNoFaults() {
    assertThat(Faults.parse("")).isEqualTo(Faults.none());
    assertThat(Faults.parse("none").isNone()).isTrue();
    assertThat(Faults.none().toString()).isEqualTo("none");
    assertThat(Faults.parse("seed=3").isNone()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "418=0.1|unknown fault spec key '418'; expected one of: 429, 429-date",
        "429|'429' is not key=value",
        "429=lots|value 'lots' of key '429' is not a number",
        "429=1.5|rate of '429' must be in [0, 1]",
        "500=-0.1|rate of '500' must be in [0, 1]",
        "429=0.6,500=0.6|add up to",
        "seed=1,seed=2|'seed' is repeated",
        "slow-ms=-5|slow-ms must not be negative",
        "retry-after=-1|retry-after must not be negative"
      })
  void rejectsBadSpecsWithAMessageNamingTheProblem(String spec, String message) {
    assertThatThrownBy(() -> Faults.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
