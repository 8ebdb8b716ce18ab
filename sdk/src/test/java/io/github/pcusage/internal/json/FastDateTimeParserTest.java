package io.github.pcusage.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastDateTimeParserTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-10-01T00:00:00Z",
        "2026-10-01T00:00:00-07:00",
        "2026-10-17T17:08:11.1433333+00:00",
        "2026-10-01T00:00:00.1+05:30",
        "2026-10-01T23:59:59.999999999-12:00",
        "2024-02-29T12:00:00+14:00",
        "2026-10-01t00:00:00z"
      })
  void agreesWithTheIsoFormatterOnTheServiceShape(String text) {
    assertThat(FastDateTimeParser.tryParse(text))
        .isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-10-01T00:00Z",
        "2026-10-01T00:00:00",
        "2026-10-01T00:00:00.Z",
        "2026-10-01T00:00:00.1234567891Z",
        "2026-13-01T00:00:00Z",
        "2026-02-30T00:00:00Z",
        "2026-10-01T24:00:00Z",
        "2026-10-01T00:00:00+0100",
        "2026-10-01T00:00:00+01:00:30",
        "2026-10-01T00:00:00+19:00",
        "x026-10-01T00:00:00Z",
        "2026-10-01 00:00:00Z"
      })
  void leavesEveryOtherShapeToTheFormatter(String text) {
    assertThat(FastDateTimeParser.tryParse(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2014-01-01T00:00:00",
        "2026-10-17T17:08:11.1433333",
        "2024-02-29T23:59:59.999999999"
      })
  void readsTheRateCardsDatesWithoutOffsetAsUtc(String text) {
    assertThat(FastDateTimeParser.tryParseWithoutOffset(text))
        .isEqualTo(
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .atOffset(ZoneOffset.UTC));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2014-01-01T00:00:00Z",
        "2014-01-01T00:00:00+01:00",
        "2014-01-01T00:00",
        "2014-01-01T00:00:00.",
        "2014-02-30T00:00:00",
        "2014-01-01T00:00:00 "
      })
  void readsNoOtherShapeAsADateWithoutOffset(String text) {
    assertThat(FastDateTimeParser.tryParseWithoutOffset(text)).isNull();
  }

  @Test
  void agreesWithTheFormatterOnRandomInputs() {
    Random random = new Random(20261123);
    String alphabet = "0123456789-:T.Z+";
    int compared = 0;
    for (int i = 0; i < 20_000; i++) {
      char[] text = "2026-10-01T12:34:56.1234567+02:00".toCharArray();
      int mutations = random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String candidate = new String(text, 0, 19 + random.nextInt(text.length - 18));
      OffsetDateTime expected;
      try {
        expected = OffsetDateTime.parse(candidate, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        expected = null;
      }
      OffsetDateTime fast = FastDateTimeParser.tryParse(candidate);
      if (fast != null) {
        assertThat(fast).as(candidate).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(500);
  }
}
