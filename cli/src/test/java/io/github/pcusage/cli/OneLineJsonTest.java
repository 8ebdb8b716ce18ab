package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** How a record's JSON as received becomes one JSON Lines line; the bytes come from the SDK. */
class OneLineJsonTest {
  @Test
  void aRecordOnOneLineOfUtf8IsKeptAsItsOwnBytes() throws Exception {
    byte[] record =
        ("{ \"usageEndTime\" : \"2026-10-02T00:00:00.1000000-07:00\", \"s\":\"caf\\u00e9 \\/ \u00e9\","
                + " \"quantity\":0.1000000, \"x\":{\"CoreCount\":2,\"Big\":1e400}, \"u\":[null,true] }")
            .getBytes(StandardCharsets.UTF_8);

    assertThat(OneLineJson.oneLine(record)).isSameAs(record);
  }

  @Test
  void aPrettyPrintedRecordIsPutOnOneLineWithEveryValueAsItsOriginalText() throws Exception {
    String pretty =
        "{\n  \"quantity\" : 24.000000000000000000,\n  \"when\" : \"2026-10-01T00:00:00+00:00\",\n"
            + "  \"s\" : \"a\\u00e9\\/b\\n\",\n  \"tags\" : {\r\n    \"n\" : -1E+2, \"z\": null, \"t\": false\n  },\n"
            + "  \"list\" : [ 1.50, [ ], { } ]\n}";

    assertThat(string(OneLineJson.oneLine(pretty.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(
            "{\"quantity\":24.000000000000000000,\"when\":\"2026-10-01T00:00:00+00:00\",\"s\":\"a\\u00e9\\/b\\n\","
                + "\"tags\":{\"n\":-1E+2,\"z\":null,\"t\":false},\"list\":[1.50,[],{}]}");
  }

  @Test
  void invalidUtf8IsReplacedLikeTheSdkDecodesIt() throws Exception {
    byte[] record =
        new Buffer()
            .writeUtf8("{\"name\":\"a")
            .writeByte(0xff)
            .writeUtf8("b\",\"q\":1.10}")
            .readByteArray();

    assertThat(string(OneLineJson.oneLine(record))).isEqualTo("{\"name\":\"a\ufffdb\",\"q\":1.10}");
  }

  @Test
  void aRecordThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> OneLineJson.oneLine("{\n\"a\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }

  private static String string(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
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
      assertThat(OneLineJson.isUtf8(bytes))
          .as(java.util.Arrays.toString(bytes))
          .isEqualTo(expected);
    }
    assertThat(invalid).isBetween(1_000, 49_000);
    assertThat(OneLineJson.isUtf8("Zürich €𝄞".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isTrue();
  }
}
