package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimeConverterTest {
  private final TimeConverter converter = new TimeConverter();

  @Test
  void aDateIsMidnightUtc() {
    assertThat(converter.convert("2026-10-01"))
        .isEqualTo(OffsetDateTime.parse("2026-10-01T00:00:00Z"));
  }

  @Test
  void dateTimesKeepTheirOffset() {
    assertThat(converter.convert("2026-10-01T00:00:00Z"))
        .isEqualTo(OffsetDateTime.parse("2026-10-01T00:00:00Z"));
    assertThat(converter.convert("2026-10-01T00:00:00.5-07:00").getOffset().getTotalSeconds())
        .isEqualTo(-7 * 3600);
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad :
        new String[] {
          "2026-10-01T00:00:00", "20261001", "2026-13-01", "yesterday", "2026-10-01 00:00Z"
        }) {
      assertThatThrownBy(() -> converter.convert(bad))
          .isInstanceOf(TypeConversionException.class)
          .hasMessageContaining(bad);
    }
  }
}
