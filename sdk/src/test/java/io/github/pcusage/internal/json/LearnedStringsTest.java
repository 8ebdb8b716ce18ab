package io.github.pcusage.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import io.github.pcusage.model.AzureResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class LearnedStringsTest {

  private static List<String> readAll(LearnedStrings strings, String jsonArray) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(jsonArray));
    List<String> values = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      values.add(strings.read(reader));
    }
    reader.endArray();
    return values;
  }

  @Test
  void returnsTheLearnedInstanceForARepeatedValue() throws IOException {
    List<String> values =
        readAll(
            new LearnedStrings(8, new StringPool(16)), "[\"1 Hour\",\"1 GB\",\"1 Hour\",\"1 GB\"]");

    assertThat(values).containsExactly("1 Hour", "1 GB", "1 Hour", "1 GB");
    assertThat(values.get(2)).isSameAs(values.get(0));
    assertThat(values.get(3)).isSameAs(values.get(1));
  }

  @Test
  void readsNullsNumbersEscapesAndNonAsciiAsAPlainReadWould() throws IOException {
    List<String> values =
        readAll(
            new LearnedStrings(8, new StringPool(16)),
            "[\"a/b\",\"a\\/b\",null,12.50,\"\",\"\\u00e9t\\u00e9\",\"\u00e9t\u00e9\",\"\\\"q\\\"\",\"\\\"q\\\"\"]");

    assertThat(values)
        .containsExactly(
            "a/b", "a/b", null, "12.50", "", "\u00e9t\u00e9", "\u00e9t\u00e9", "\"q\"", "\"q\"");
  }

  @Test
  void neverMistakesAQuestionMarkForALearnedLoneSurrogate() throws IOException {
    List<String> values =
        readAll(
            new LearnedStrings(8, new StringPool(16)),
            "[\"\\udf95\",\"?\",\"\\udf95\",\"\\ud83d\\ude00\",\"\ud83d\ude00\",\"?\"]");

    assertThat(values)
        .containsExactly("\udf95", "?", "\udf95", "\ud83d\ude00", "\ud83d\ude00", "?");
  }

  @Test
  void keepsEveryValueRightWhenAFieldTakesFarMoreValuesThanItLearns() throws IOException {
    StringBuilder json = new StringBuilder("[");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String value = "/subscriptions/s/resourceGroups/rg/vm-" + (i * 7919 % 5000);
      expected.add(value);
      json.append(i == 0 ? "" : ",").append('"').append(value).append('"');
    }

    assertThat(readAll(new LearnedStrings(4, new StringPool(64)), json.append(']').toString()))
        .isEqualTo(expected);
  }

  @Test
  void learnsNamesToo() throws IOException {
    LearnedStrings names = new LearnedStrings(8, new StringPool(16));
    JsonReader reader =
        JsonReader.of(new Buffer().writeUtf8("{\"env\":1,\"owner\":2,\"env\":3,\"x\\u0079\":4}"));
    List<String> read = new ArrayList<>();
    reader.beginObject();
    while (reader.hasNext()) {
      read.add(names.readName(reader));
      reader.skipValue();
    }
    reader.endObject();

    assertThat(read).containsExactly("env", "owner", "env", "xy");
    assertThat(read.get(2)).isSameAs(read.get(0));
    assertThat(reader.peek()).isEqualTo(JsonReader.Token.END_DOCUMENT);
  }

  @Test
  void internedModelsAreSharedOnlyWhenEqual() throws IOException {
    var adapter = PartnerCenterJson.adapter(AzureResource.class);
    AzureResource a =
        (AzureResource) adapter.fromJson("{\"id\":\"m-1\",\"name\":\"P10\",\"region\":\"EU\"}");
    AzureResource b =
        (AzureResource) adapter.fromJson("{\"name\":\"P10\",\"id\":\"m-1\",\"region\":\"EU\"}");
    AzureResource c =
        (AzureResource) adapter.fromJson("{\"id\":\"m-1\",\"name\":\"P10\",\"region\":\"US\"}");

    assertThat(b).isSameAs(a);
    assertThat(c).isNotEqualTo(a);
    assertThat(c.getRegion()).isEqualTo("US");
    assertThat(Interner.intern((Object) null)).isNull();
  }
}
