package io.github.pcusage.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comparison the examples test relies on is strict where it must be. */
class JsonTreesTest {
  private static List<String> differences(String expected, String actual) throws IOException {
    return JsonTrees.differences(
        JsonTrees.parse(expected), JsonTrees.parse(actual), Set.of("code"));
  }

  @Test
  void aLostTrailingZeroIsADifference() throws IOException {
    assertThat(differences("{\"q\":24.000000000000000000}", "{\"q\":24}"))
        .containsExactly("$.q: BigDecimal 24.000000000000000000 became BigDecimal 24");
  }

  @Test
  void aRoundedDecimalIsADifference() throws IOException {
    assertThat(differences("{\"q\":0.027483999999999993}", "{\"q\":0.027483999999999994}"))
        .hasSize(1);
  }

  @Test
  void utcOffsetWrittenAsZIsNoDifference() throws IOException {
    assertThat(
            differences("{\"t\":\"2026-10-01T00:00:00+00:00\"}", "{\"t\":\"2026-10-01T00:00Z\"}"))
        .isEmpty();
  }

  @Test
  void aDateTimeWithoutOffsetIsUtc() throws IOException {
    assertThat(differences("{\"t\":\"2014-01-01T00:00:00\"}", "{\"t\":\"2014-01-01T00:00Z\"}"))
        .isEmpty();
    assertThat(differences("{\"t\":\"2014-01-01T00:00:00\"}", "{\"t\":\"2014-01-01T00:00+01:00\"}"))
        .hasSize(1);
  }

  @Test
  void theSameInstantAtAnotherOffsetIsADifference() throws IOException {
    assertThat(
            differences(
                "{\"t\":\"2026-10-01T02:00:00+02:00\"}", "{\"t\":\"2026-10-01T00:00:00Z\"}"))
        .hasSize(1);
  }

  @Test
  void aLostMemberIsADifferenceButMemberOrderIsNot() throws IOException {
    assertThat(differences("{\"a\":\"x\",\"b\":[1,2]}", "{\"b\":[1,2]}"))
        .containsExactly("$.a: lost (was String x)");
    assertThat(differences("{\"a\":\"x\",\"b\":[1,2]}", "{\"b\":[1,2],\"a\":\"x\"}")).isEmpty();
  }

  @Test
  void aNumberMayBecomeItsTextOnlyInStringOrNumberMembers() throws IOException {
    assertThat(differences("{\"code\":20003}", "{\"code\":\"20003\"}")).isEmpty();
    assertThat(differences("{\"code\":20003}", "{\"code\":\"20004\"}")).hasSize(1);
    assertThat(differences("{\"statusCode\":429}", "{\"statusCode\":\"429\"}")).hasSize(1);
  }
}
