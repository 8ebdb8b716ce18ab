package io.github.pcusage.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureInstanceData;
import io.github.pcusage.model.AzureResource;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.AzureUtilizationRecordCollection;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import okio.Buffer;

/**
 * The decoders, fed random pages and mutated ones: a page decodes to exactly the records the
 * generator intended, or fails with the documented exception ({@link JsonDataException} for a value
 * of the wrong shape, {@link JsonEncodingException} or another {@link IOException} for text that is
 * not JSON); never a hang, never an {@link Error}, never a record that differs from what the text
 * says. Invalid UTF-8 inside a string is replaced with U+FFFD.
 */
class PageDecodingPropertyTest {
  private static final JsonAdapter<AzureUtilizationRecordCollection> PAGE =
      PartnerCenterJson.adapter(AzureUtilizationRecordCollection.class);

  /** Values of the wrong type, out of range, or nested past any sensible depth. */
  private static final List<String> WRONG_VALUES =
      List.of(
          "[]",
          "{}",
          "\"text\"",
          "\"\"",
          "123",
          "-1.5e308",
          "true",
          "false",
          "null",
          "1e999999999",
          "-1e-999999999",
          "1E2147483648",
          "-0",
          "99999999999999999999999",
          "9".repeat(10_000),
          "0." + "0".repeat(2000) + "1",
          "\"\\ud800\"",
          "\"2026-13-45T25:61:61Z\"",
          "\"2026-10-01T00:00:00+25:00\"",
          "\"2026-10-01\"",
          "[[[[[[[[[[]]]]]]]]]]",
          "[".repeat(300) + "]".repeat(300),
          "[".repeat(100_000) + "]".repeat(100_000),
          "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
          "[".repeat(100_000),
          "\"{\\\"resourceUri\\\":\\\"u\\\"}\"",
          "\"{\\\"a\\\":\\\"b\\\"}\"",
          "\"[1,2]\"",
          "NaN",
          "-",
          "1.",
          ".5",
          "0x10");

  @Property(tries = 1000)
  void randomPagesDecodeToExactlyTheIntendedRecords(@ForAll long seed) throws Exception {
    PageSample sample = PageSample.generate(new Random(seed));
    Bounded.Outcome<AzureUtilizationRecordCollection> outcome = decode(sample.bytes());
    if (!outcome.ok()) {
      throw new AssertionError("a valid page failed to decode: " + sample.json(), outcome.thrown());
    }
    assertSame(sample.intended, outcome.value().getItems(), sample.json());
    // Re-encoding by the SDK and decoding again changes nothing either, for valid Unicode text. (A
    // lone
    // surrogate, legal only as a JSON escape, decodes faithfully but Moshi's UTF-8 writer
    // re-encodes it
    // as '?': documented in PartnerCenterJson.)
    boolean validUnicode = !hasLoneSurrogate(outcome.value().toString());
    if (validUnicode) {
      String reencoded = PAGE.toJson(outcome.value());
      assertSame(outcome.value(), PAGE.fromJson(reencoded), reencoded);
    }
    Statistics.collect(
        sample.intended.size() + " records", validUnicode ? "re-encoded" : "lone surrogate");
  }

  @Property(tries = 2000)
  void pagesWithOneValueReplacedDecodeFaithfullyOrFailWithTheDocumentedException(
      @ForAll long seed, @ForAll("wrongValues") String replacement) {
    Random random = new Random(seed);
    PageSample sample = PageSample.generate(random);
    List<PageSample.FieldPath> paths = sample.fieldPaths();
    PageSample.FieldPath path = paths.get(random.nextInt(paths.size()));
    sample.replace(path, replacement);
    Bounded.Outcome<AzureUtilizationRecordCollection> outcome = decode(sample.bytes());
    String field = String.join(".", path.names());
    if (!outcome.ok()) {
      assertDocumented(outcome.thrown());
      Statistics.collect("refused", field);
      return;
    }
    AzureUtilizationRecordCollection decoded = outcome.value();
    // Whatever decodes can be written back by the SDK: no value that blows up when re-encoded.
    Bounded.Outcome<String> reencoded = Bounded.run(() -> PAGE.toJson(decoded), 5);
    if (!reencoded.ok()) {
      throw new AssertionError(
          "a decoded page cannot be re-encoded after replacing "
              + path.dotted()
              + " with "
              + abbreviate(replacement),
          reencoded.thrown());
    }
    if (path.record() < 0) {
      // A page-level field: the records are untouched unless the items themselves were replaced.
      if (field.equals("items")) {
        assertThat(replacement).isEqualTo("[]");
        assertThat(decoded.getItems()).isEmpty();
      } else {
        assertThat(decoded.getItems()).isEqualTo(sample.intended);
      }
    } else {
      for (int i = 0; i < sample.intended.size(); i++) {
        AzureUtilizationRecord expected = sample.intended.get(i);
        AzureUtilizationRecord got = decoded.getItems().get(i);
        if (i == path.record()) {
          assertStrictFieldsKept(field, replacement, got);
          expected = withField(expected, field, got);
        }
        assertThat(got)
            .as("record %d after replacing %s with %s", i, path.dotted(), abbreviate(replacement))
            .isEqualTo(expected);
      }
    }
    Statistics.collect("accepted", field);
  }

  @Property(tries = 1000)
  void truncatedPagesNeverDecode(@ForAll long seed, @ForAll double where) {
    byte[] whole = PageSample.generate(new Random(seed)).bytes();
    int cut = (int) (Math.abs(where % 1.0) * (whole.length - 1));
    byte[] truncated = Arrays.copyOf(whole, cut);
    Bounded.Outcome<AzureUtilizationRecordCollection> outcome = decode(truncated);
    assertThat(outcome.ok()).as("a page cut at byte %d of %d decoded", cut, whole.length).isFalse();
    assertDocumented(outcome.thrown());
    Statistics.collect(outcome.thrown().getClass().getSimpleName());
  }

  @Property(tries = 1000)
  void randomByteDamageNeverEndsInAnErrorOrAHang(@ForAll long seed) {
    Random random = new Random(seed);
    byte[] bytes = PageSample.generate(random).bytes();
    Buffer damaged = new Buffer();
    int at = random.nextInt(bytes.length);
    String kind;
    switch (random.nextInt(3)) {
      case 0:
        kind = "byte deleted";
        damaged.write(bytes, 0, at).write(bytes, at + 1, bytes.length - at - 1);
        break;
      case 1:
        kind = "random bytes inserted";
        byte[] noise = new byte[1 + random.nextInt(4)];
        random.nextBytes(noise);
        damaged.write(bytes, 0, at).write(noise).write(bytes, at, bytes.length - at);
        break;
      default:
        kind = "byte flipped";
        bytes[at] ^= (byte) (1 << random.nextInt(8));
        damaged.write(bytes);
    }
    Bounded.Outcome<AzureUtilizationRecordCollection> outcome = decode(damaged.readByteArray());
    if (!outcome.ok()) {
      assertDocumented(outcome.thrown());
    }
    Statistics.collect(kind, outcome.ok() ? "decoded" : "refused");
  }

  @Property(tries = 500)
  void invalidUtf8InAStringIsReplacedWithUFFFD(
      @ForAll long seed, @ForAll("invalidUtf8") byte[] invalid) {
    Random random = new Random(seed);
    String before = "name-" + Long.toHexString(random.nextLong());
    String after = "-end";
    Buffer body =
        new Buffer()
            .writeUtf8(
                "{\"items\":[{\"usageStartTime\":\"2026-10-01T00:00:00Z\",\"usageEndTime\":\"2026-10-02T00:00:00Z\","
                    + "\"resource\":{\"id\":\"r\",\"name\":\""
                    + before)
            .write(invalid)
            .writeUtf8(after + "\"},\"quantity\":1}]}");
    Bounded.Outcome<AzureUtilizationRecordCollection> outcome = decode(body.readByteArray());
    if (!outcome.ok()) {
      throw new AssertionError(
          "invalid UTF-8 inside a string must be replaced, not refused", outcome.thrown());
    }
    String name = outcome.value().getItems().get(0).getResource().getName();
    String expected = before + new Buffer().write(invalid).readUtf8() + after;
    assertThat(name).isEqualTo(expected).contains("\uFFFD");
    Statistics.collect(invalid.length + " bytes");
  }

  @Property(tries = 300)
  void invalidUtf8OutsideStringsIsRefused(@ForAll("invalidUtf8") byte[] invalid) {
    Buffer body = new Buffer().writeUtf8("{\"items\":[").write(invalid).writeUtf8("]}");
    Bounded.Outcome<AzureUtilizationRecordCollection> outcome = decode(body.readByteArray());
    assertThat(outcome.ok()).isFalse();
    assertDocumented(outcome.thrown());
  }

  @Property(tries = 600)
  void deepNestingAnywhereIsRefusedOrSkippedWithoutOverflowingTheStack(
      @ForAll("depths") int depth, @ForAll("nestingPlaces") String place) {
    String nested = "[".repeat(depth) + "1" + "]".repeat(depth);
    String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    String value = depth % 2 == 0 ? nested : objects;
    String record =
        "{\"usageStartTime\":\"2026-10-01T00:00:00Z\",\"usageEndTime\":\"2026-10-02T00:00:00Z\","
            + "\"resource\":{\"id\":\"r\"},\"quantity\":1,%s}";
    String json;
    switch (place) {
      case "unknown field":
        json = "{\"items\":[" + String.format(record, "\"x\":" + value) + "]}";
        break;
      case "tags":
        json =
            "{\"items\":["
                + String.format(
                    record,
                    "\"instanceData\":{\"resourceUri\":\"u\",\"tags\":{\"t\":" + value + "}}")
                + "]}";
        break;
      case "tags as a JSON string":
        json =
            "{\"items\":["
                + String.format(
                    record,
                    "\"instanceData\":{\"resourceUri\":\"u\",\"tags\":"
                        + quote("{\"t\":" + value + "}")
                        + "}")
                + "]}";
        break;
      case "instanceData as a JSON string":
        json =
            "{\"items\":["
                + String.format(
                    record,
                    "\"instanceData\":" + quote("{\"resourceUri\":\"u\",\"x\":" + value + "}"))
                + "]}";
        break;
      case "items":
        json = "{\"items\":" + value + "}";
        break;
      default:
        json = value;
    }
    Bounded.Outcome<AzureUtilizationRecordCollection> outcome =
        decode(json.getBytes(StandardCharsets.UTF_8));
    if (!outcome.ok()) {
      assertDocumented(outcome.thrown());
    }
    Statistics.collect(place, outcome.ok() ? "decoded" : "refused");
  }

  @Provide
  Arbitrary<String> wrongValues() {
    return Arbitraries.of(WRONG_VALUES);
  }

  @Provide
  Arbitrary<Integer> depths() {
    // Around 32, 64 and 128, where Moshi's writer grows its stack; 255-257, its nesting limit; and
    // far past it.
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 400),
        Arbitraries.of(
            30, 31, 32, 33, 34, 62, 63, 64, 65, 66, 126, 127, 128, 129, 130, 254, 255, 256, 257,
            10_000, 200_000));
  }

  @Provide
  Arbitrary<String> nestingPlaces() {
    return Arbitraries.of(
        "unknown field",
        "tags",
        "tags as a JSON string",
        "instanceData as a JSON string",
        "items",
        "root");
  }

  @Provide
  Arbitrary<byte[]> invalidUtf8() {
    return Arbitraries.of(
        new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xbf},
        new byte[] {(byte) 0xc0, (byte) 0xaf},
        new byte[] {(byte) 0xc3},
        new byte[] {(byte) 0xe2, (byte) 0x82},
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98},
        new byte[] {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xff},
        new byte[] {(byte) 0xfe, (byte) 0xff},
        new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf});
  }

  static Bounded.Outcome<AzureUtilizationRecordCollection> decode(byte[] bytes) {
    return Bounded.run(() -> PAGE.fromJson(new Buffer().write(bytes)), 20);
  }

  /** The only failures the decoders may raise. */
  static void assertDocumented(Throwable thrown) {
    if (thrown instanceof JsonDataException || thrown instanceof IOException) {
      return;
    }
    throw new AssertionError("undocumented failure: " + thrown, thrown);
  }

  /**
   * Fields the record cannot do without, and decimals, keep their meaning whatever replaced them.
   */
  private static void assertStrictFieldsKept(
      String field, String replacement, AzureUtilizationRecord got) {
    if (field.equals("quantity")) {
      assertThat(got.getQuantity()).isEqualTo(new BigDecimal(scalarText(replacement)));
    }
    if (field.equals("usageStartTime")
        || field.equals("usageEndTime")
        || field.equals("resource")) {
      throw new AssertionError(
          field + " replaced with " + abbreviate(replacement) + " was accepted: " + got);
    }
    if (field.equals("resource.id")) {
      assertThat(got.getResource().getId()).isEqualTo(scalarText(replacement));
    }
  }

  /** {@code expected} with the field at {@code field} taken from {@code got}. */
  private static AzureUtilizationRecord withField(
      AzureUtilizationRecord expected, String field, AzureUtilizationRecord got) {
    AzureUtilizationRecord.Builder b = expected.toBuilder();
    String[] names = field.split("\\.");
    switch (names[0]) {
      case "usageStartTime":
        return b.usageStartTime(got.getUsageStartTime()).build();
      case "usageEndTime":
        return b.usageEndTime(got.getUsageEndTime()).build();
      case "quantity":
        return b.quantity(got.getQuantity()).build();
      case "unit":
        return b.unit(got.getUnit()).build();
      case "infoFields":
        return b.infoFields(got.getInfoFields()).build();
      case "attributes":
        return b.attributes(got.getAttributes()).build();
      case "resource":
        if (names.length == 1) {
          return b.resource(got.getResource()).build();
        }
        AzureResource.Builder r = expected.getResource().toBuilder();
        switch (names[1]) {
          case "id":
            r.id(got.getResource().getId());
            break;
          case "name":
            r.name(got.getResource().getName());
            break;
          case "category":
            r.category(got.getResource().getCategory());
            break;
          case "subcategory":
            r.subcategory(got.getResource().getSubcategory());
            break;
          default:
            r.region(got.getResource().getRegion());
        }
        return b.resource(r.build()).build();
      case "instanceData":
        if (names.length == 1 || got.getInstanceData() == null) {
          return b.instanceData(got.getInstanceData()).build();
        }
        AzureInstanceData.Builder d = expected.getInstanceData().toBuilder();
        switch (names[1]) {
          case "resourceUri":
            d.resourceUri(got.getInstanceData().getResourceUri());
            break;
          case "location":
            d.location(got.getInstanceData().getLocation());
            break;
          case "partNumber":
            d.partNumber(got.getInstanceData().getPartNumber());
            break;
          case "orderNumber":
            d.orderNumber(got.getInstanceData().getOrderNumber());
            break;
          case "tags":
            d.tags(got.getInstanceData().getTags());
            break;
          default:
            d.additionalInfo(got.getInstanceData().getAdditionalInfo());
        }
        return b.instanceData(d.build()).build();
      default:
        return expected; // an unknown field: ignored
    }
  }

  /** Equal lists, or a failure that shows both sides with every non-ASCII character escaped. */
  static void assertSame(Object expected, Object actual, String json) {
    if (!expected.equals(actual)) {
      throw new AssertionError(
          "decoded differently from the intended value\n  intended: "
              + escape(expected.toString())
              + "\n  decoded:  "
              + escape(actual.toString())
              + "\n  json: "
              + escape(json));
    }
  }

  static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The text of a JSON scalar: a string's content, or a number's literal. */
  private static String scalarText(String json) {
    try {
      return com.squareup.moshi.JsonReader.of(new Buffer().writeUtf8(json)).nextString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String quote(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...(" + text.length() + " chars)";
  }
}
