package io.github.pcusage.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BigDecimalParsingTest {
  private final JsonAdapter<BigDecimal> adapter = PartnerCenterJson.adapter(BigDecimal.class);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "24",
        "24.000000000000000",
        "-1.50",
        "0.0020844597609600820",
        "9.87302974451925360",
        "999999999999999999",
        "0.000",
        "000123.4500",
        "12345678901234567.0",
        "-0.000000000000000001"
      })
  void theFastPathKeepsValueAndScaleExactly(String text) {
    BigDecimal fast = BigDecimalAdapter.parsePlain(text);

    assertThat(fast).isNotNull();
    assertThat(fast.unscaledValue()).isEqualTo(new BigDecimal(text).unscaledValue());
    assertThat(fast.scale()).isEqualTo(new BigDecimal(text).scale());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "1.",
        ".5",
        "1e5",
        "1E-3",
        "+1",
        " 1",
        "1.2.3",
        "--1",
        "1-",
        "1234567890123456789",
        "24.000000000000000000"
      })
  void leavesEveryOtherShapeToBigDecimal(String text) {
    assertThat(BigDecimalAdapter.parsePlain(text)).isNull();
  }

  @Test
  void agreesWithBigDecimalOnRandomNumbers() {
    Random random = new Random(6);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder text = new StringBuilder();
      if (random.nextBoolean()) {
        text.append('-');
      }
      int whole = 1 + random.nextInt(12);
      for (int d = 0; d < whole; d++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextInt(4) > 0) {
        text.append('.');
        int fraction = 1 + random.nextInt(14);
        for (int d = 0; d < fraction; d++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
      }
      BigDecimal fast = BigDecimalAdapter.parsePlain(text.toString());
      BigDecimal exact = new BigDecimal(text.toString());
      if (fast != null) {
        assertThat(fast).as(text.toString()).isEqualTo(exact);
        assertThat(fast.scale()).as(text.toString()).isEqualTo(exact.scale());
      }
    }
  }

  @Test
  void decodesNumbersAndStringsOffTheFastPathAsBefore() throws Exception {
    assertThat(adapter.fromJson("24.000000000000000000"))
        .isEqualTo(new BigDecimal("24.000000000000000000"));
    assertThat(adapter.fromJson("1.5e3")).isEqualTo(new BigDecimal("1.5e3"));
    assertThat(adapter.fromJson("\" 2.50 \"")).isEqualTo(new BigDecimal("2.50"));
  }

  @Test
  void stillRefusesOverlongNumbersWithTheirPath() {
    String zeros = "0." + "0".repeat(1_500);

    assertThatThrownBy(() -> adapter.fromJson("\"" + zeros + "\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("too long")
        .hasMessageContaining("$");
  }
}
