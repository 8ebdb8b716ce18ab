package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class RawRecordsTest {
  @Test
  void eachRecordIsItsOwnBytesAsSent() throws Exception {
    String first =
        "{\"usageStartTime\":\"2026-10-01T00:00:00+00:00\",\"quantity\":0.1000000,"
            + "\"instanceData\":{\"additionalInfo\":{\"CoreCount\":2,\"Big\":1e400}},\"unknown\":[null,true]}";
    String second =
        "{ \"usageEndTime\" : \"2026-10-02T00:00:00.1000000-07:00\", \"s\":\"caf\\u00e9 \\/ \u00e9\" }";
    String body =
        "{\"totalCount\":2,\"items\":[" + first + ", " + second + "],\"links\":{\"self\":{}}}";

    assertThat(strings(RawRecords.split(utf8(body)))).containsExactly(first, second);
  }

  @Test
  void itemsMayComeAfterOtherMembersAndAnEmptyListHasNoRecords() throws Exception {
    assertThat(RawRecords.split(utf8("{\"links\":{\"items\":[1]},\"totalCount\":0,\"items\":[]}")))
        .isEmpty();
  }

  @Test
  void aRepeatedItemsMemberCountsLastAsWhenTheSdkDecodesIt() throws Exception {
    assertThat(strings(RawRecords.split(utf8("{\"items\":[{\"a\":1}],\"items\":[{\"b\":2.0}]}"))))
        .containsExactly("{\"b\":2.0}");
  }

  @Test
  void aPrettyPrintedRecordIsPutOnOneLineWithEveryValueAsItsOriginalText() throws Exception {
    String pretty =
        "{\n  \"quantity\" : 24.000000000000000000,\n  \"when\" : \"2026-10-01T00:00:00+00:00\",\n"
            + "  \"s\" : \"a\\u00e9\\/b\\n\",\n  \"tags\" : {\r\n    \"n\" : -1E+2, \"z\": null, \"t\": false\n  },\n"
            + "  \"list\" : [ 1.50, [ ], { } ]\n}";
    String body = "{\n\"items\" : [\n" + pretty + "\n]\n}";

    assertThat(strings(RawRecords.split(utf8(body))))
        .containsExactly(
            "{\"quantity\":24.000000000000000000,\"when\":\"2026-10-01T00:00:00+00:00\",\"s\":\"a\\u00e9\\/b\\n\","
                + "\"tags\":{\"n\":-1E+2,\"z\":null,\"t\":false},\"list\":[1.50,[],{}]}");
  }

  @Test
  void invalidUtf8IsReplacedLikeTheSdkDecodesIt() throws Exception {
    Buffer body =
        new Buffer()
            .writeUtf8("{\"items\":[{\"name\":\"a")
            .writeByte(0xff)
            .writeUtf8("b\",\"q\":1.10}]}");

    assertThat(strings(RawRecords.split(body)))
        .containsExactly("{\"name\":\"a\ufffdb\",\"q\":1.10}");
  }

  @Test
  void aBodyWithoutItemsIsRefused() {
    assertThatThrownBy(() -> RawRecords.split(utf8("{\"totalCount\":0}")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no items");
    assertThatThrownBy(() -> RawRecords.split(utf8("[1,2]"))).isInstanceOf(IOException.class);
  }

  @Test
  void splittingLeavesTheBodyUnread() throws Exception {
    Buffer body = utf8("{\"items\":[{}]}");
    RawRecords.split(body);
    assertThat(body.size()).isEqualTo(14);
  }

  private static Buffer utf8(String text) {
    return new Buffer().writeUtf8(text);
  }

  private static List<String> strings(List<byte[]> records) {
    return records.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  @Test
  void utf8CheckAgreesWithTheJdkDecoder() {
    java.util.Random random = new java.util.Random(20261123);
    int invalid = 0;
    for (int i = 0; i < 50_000; i++) {
      byte[] bytes = new byte[random.nextInt(12)];
      for (int k = 0; k < bytes.length; k++) {
        // Mostly the interesting range: lead bytes, continuation bytes and a little ASCII.
        bytes[k] =
            (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
      }
      boolean expected;
      try {
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes));
        expected = true;
      } catch (java.nio.charset.CharacterCodingException e) {
        expected = false;
        invalid++;
      }
      assertThat(RawRecords.isUtf8(bytes)).as(java.util.Arrays.toString(bytes)).isEqualTo(expected);
    }
    assertThat(invalid).isBetween(1_000, 49_000);
    assertThat(RawRecords.isUtf8("Zürich €𝄞".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isTrue();
  }
}
