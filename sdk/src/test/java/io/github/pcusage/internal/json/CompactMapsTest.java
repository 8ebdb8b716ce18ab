package io.github.pcusage.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactMapsTest {

  @Test
  void aCopyKeepsOrderAndEqualsTheOriginal() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("b", "2");
    source.put("a", "1");
    source.put("c", null);

    Map<String, String> copy = CompactMaps.copyOf(source);

    assertThat(copy)
        .containsExactly(
            Map.entry("b", "2"),
            Map.entry("a", "1"),
            new java.util.AbstractMap.SimpleEntry<>("c", null));
    assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source);
    assertThat(copy.toString()).isEqualTo(source.toString());
    assertThat(copy.get("a")).isEqualTo("1");
    assertThat(copy.containsKey("c")).isTrue();
    assertThat(copy.get("zz")).isNull();
  }

  @Test
  void aCopyIsUnmodifiableAndIndependentOfItsSource() {
    Map<String, String> source = new HashMap<>(Map.of("a", "1"));
    Map<String, String> copy = CompactMaps.copyOf(source);
    source.put("b", "2");

    assertThat(copy).containsExactly(Map.entry("a", "1"));
    assertThatThrownBy(() -> copy.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.keySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aCompactMapIsNotCopiedAgainAndEmptyAndNullStaySo() {
    Map<String, String> compact = CompactMaps.copyOf(Map.of("a", "1"));

    assertThat(CompactMaps.copyOf(compact)).isSameAs(compact);
    assertThat(CompactMaps.copyOf(new HashMap<String, String>())).isEmpty();
    assertThat(CompactMaps.<String, String>copyOf(null)).isNull();
  }

  @Test
  void largeMapsAreHashedAndStillOrdered() {
    Map<String, Integer> source = new LinkedHashMap<>();
    for (int i = 100; i > 0; i--) {
      source.put("k" + i, i);
    }

    Map<String, Integer> copy = CompactMaps.copyOf(source);

    assertThat(copy).isEqualTo(source);
    assertThat(copy.keySet()).containsExactlyElementsOf(source.keySet());
  }

  @Test
  void theBuilderBehavesLikeLinkedHashMapPutForRepeatedKeysAtAnySize() {
    for (int size :
        new int[] {0, 1, 4, 5, CompactMaps.MAX_COMPACT, CompactMaps.MAX_COMPACT + 1, 200}) {
      CompactMaps.Builder<String, String> builder = new CompactMaps.Builder<>();
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        builder.put("k" + i, "v" + i);
        expected.put("k" + i, "v" + i);
        builder.put("k0", "again" + i);
        expected.put("k0", "again" + i);
      }

      Map<String, String> built = builder.build();

      assertThat(built).as("size %d", size).isEqualTo(expected);
      assertThat(built.keySet()).as("size %d", size).containsExactlyElementsOf(expected.keySet());
    }
  }
}
