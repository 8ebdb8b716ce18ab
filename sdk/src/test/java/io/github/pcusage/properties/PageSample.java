package io.github.pcusage.properties;

import io.github.pcusage.model.AzureInstanceData;
import io.github.pcusage.model.AzureResource;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.ResourceAttributes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A page of utilization records as the generator intends it, and its JSON as a tree of fields that
 * a mutation can change one value of. The JSON is written by hand, not by Moshi, in the shapes the
 * service sends (dates with 0-9 fractional digits and any offset, exact decimals in plain or
 * scientific notation or as strings, escaped and raw unicode, unknown fields, absent optionals).
 */
final class PageSample {
  /** A JSON object: ordered fields whose values are raw JSON text or nested objects. */
  static final class Obj {
    final List<String> keys = new ArrayList<>();
    final List<Object> values = new ArrayList<>();

    Obj put(String key, Object value) {
      keys.add(key);
      values.add(value);
      return this;
    }

    int indexOf(String key) {
      return keys.indexOf(key);
    }
  }

  /** Where a field sits: record index (-1 for the page itself), then field names. */
  static final class FieldPath {
    private final int record;
    private final List<String> names;

    FieldPath(int record, List<String> names) {
      this.record = record;
      this.names = names;
    }

    int record() {
      return record;
    }

    List<String> names() {
      return names;
    }

    String dotted() {
      return (record < 0 ? "$" : "$.items[" + record + "]") + "." + String.join(".", names);
    }
  }

  final List<AzureUtilizationRecord> intended = new ArrayList<>();
  final List<Obj> recordJson = new ArrayList<>();
  final Obj page = new Obj();
  final boolean pretty;

  private PageSample(boolean pretty) {
    this.pretty = pretty;
  }

  static PageSample generate(Random random) {
    PageSample sample = new PageSample(random.nextInt(4) == 0);
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      sample.addRecord(random);
    }
    sample.page.put("totalCount", Integer.toString(count));
    sample.page.put("items", null); // rendered from recordJson
    sample.page.put(
        "links",
        new Obj()
            .put(
                "self",
                new Obj()
                    .put(
                        "uri",
                        "\"customers/c/subscriptions/s/utilizations/azure?start_time=x&size="
                            + count
                            + "\"")
                    .put("method", "\"GET\"")
                    .put("headers", "[]")));
    sample.page.put("attributes", new Obj().put("objectType", "\"Collection\""));
    if (random.nextInt(3) == 0) {
      sample.page.put("x-unknown-" + random.nextInt(100), unknownValue(random));
    }
    return sample;
  }

  private void addRecord(Random random) {
    Obj json = new Obj();
    AzureUtilizationRecord.Builder record = AzureUtilizationRecord.builder();

    OffsetDateTime start = dateTime(random);
    json.put("usageStartTime", dateText(start, random));
    record.usageStartTime(start);
    OffsetDateTime end = dateTime(random);
    json.put("usageEndTime", dateText(end, random));
    record.usageEndTime(end);

    Obj resourceJson = new Obj();
    AzureResource.Builder resource = AzureResource.builder();
    String id = JsonText.text(random, 40);
    resourceJson.put("id", JsonText.quote(id, random));
    resource.id(id);
    for (String field : List.of("name", "category", "subcategory", "region")) {
      if (random.nextInt(5) == 0) {
        continue; // absent
      }
      String value = JsonText.text(random, 30);
      resourceJson.put(field, JsonText.quote(value, random));
      switch (field) {
        case "name":
          resource.name(value);
          break;
        case "category":
          resource.category(value);
          break;
        case "subcategory":
          resource.subcategory(value);
          break;
        default:
          resource.region(value);
      }
    }
    json.put("resource", resourceJson);
    record.resource(resource.build());

    String quantityText = decimalText(random);
    boolean quoted = random.nextInt(8) == 0;
    json.put("quantity", quoted ? "\"" + quantityText + "\"" : quantityText);
    record.quantity(new BigDecimal(quantityText));

    if (random.nextInt(5) != 0) {
      String unit = JsonText.text(random, 12);
      json.put("unit", JsonText.quote(unit, random));
      record.unit(unit);
    }
    if (random.nextInt(4) != 0) {
      Map<String, String> info = stringMap(random);
      json.put("infoFields", mapJson(info, random));
      record.infoFields(info);
    }
    if (random.nextInt(10) != 0) {
      Obj instanceJson = new Obj();
      AzureInstanceData.Builder instance = AzureInstanceData.builder();
      String uri = JsonText.text(random, 60);
      instanceJson.put("resourceUri", JsonText.quote(uri, random));
      instance.resourceUri(uri);
      if (random.nextBoolean()) {
        String location = JsonText.text(random, 12);
        instanceJson.put("location", JsonText.quote(location, random));
        instance.location(location);
      }
      instanceJson.put("partNumber", "\"\"");
      instance.partNumber("");
      instanceJson.put("orderNumber", "\"\"");
      instance.orderNumber("");
      if (random.nextBoolean()) {
        Map<String, String> tags = stringMap(random);
        instanceJson.put("tags", mapJson(tags, random));
        instance.tags(tags);
      }
      if (random.nextBoolean()) {
        Map<String, String> info = stringMap(random);
        instanceJson.put("additionalInfo", mapJson(info, random));
        instance.additionalInfo(info);
      }
      json.put("instanceData", instanceJson);
      record.instanceData(instance.build());
    }
    if (random.nextBoolean()) {
      json.put("attributes", new Obj().put("objectType", "\"AzureUtilizationRecord\""));
      record.attributes(ResourceAttributes.builder().objectType("AzureUtilizationRecord").build());
    }
    if (random.nextInt(4) == 0) {
      json.put("x-unknown", unknownValue(random));
    }
    shuffle(json, random);
    recordJson.add(json);
    intended.add(record.build());
  }

  private static void shuffle(Obj obj, Random random) {
    for (int i = obj.keys.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Collections.swap(obj.keys, i, j);
      Collections.swap(obj.values, i, j);
    }
  }

  static OffsetDateTime dateTime(Random random) {
    int digits = random.nextInt(10);
    int nanos = random.nextInt(1_000_000_000);
    int unit = (int) Math.pow(10, 9 - digits);
    nanos = nanos / unit * unit;
    LocalDateTime local =
        LocalDateTime.of(
            1 + random.nextInt(9999),
            1 + random.nextInt(12),
            1 + random.nextInt(28),
            random.nextInt(24),
            random.nextInt(60),
            random.nextInt(60),
            nanos);
    ZoneOffset offset =
        ZoneOffset.ofTotalSeconds((random.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60);
    return OffsetDateTime.of(local, offset);
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f...](Z|+hh:mm)}, with as many fraction digits as the value needs
   * or more.
   */
  static String dateText(OffsetDateTime value, Random random) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%04d-%02d-%02d%c%02d:%02d:%02d",
            value.getYear(),
            value.getMonthValue(),
            value.getDayOfMonth(),
            random.nextInt(10) == 0 ? 't' : 'T',
            value.getHour(),
            value.getMinute(),
            value.getSecond()));
    int nanos = value.getNano();
    if (nanos != 0 || random.nextInt(4) == 0) {
      String fraction = String.format("%09d", nanos);
      int keep = 9;
      while (keep > 1 && fraction.charAt(keep - 1) == '0') {
        keep--;
      }
      keep = keep + random.nextInt(10 - keep);
      out.append('.').append(fraction, 0, keep);
    }
    int seconds = value.getOffset().getTotalSeconds();
    if (seconds == 0 && random.nextBoolean()) {
      out.append(random.nextInt(10) == 0 ? 'z' : 'Z');
    } else {
      int abs = Math.abs(seconds);
      out.append(seconds < 0 || (seconds == 0 && random.nextBoolean()) ? '-' : '+')
          .append(String.format("%02d:%02d", abs / 3600, abs / 60 % 60));
    }
    return "\"" + out + "\"";
  }

  /** An exact decimal's JSON number text: plain, scientific or with a lower-case exponent. */
  static String decimalText(Random random) {
    BigInteger unscaled = new BigInteger(1 + random.nextInt(100), random);
    if (random.nextBoolean()) {
      unscaled = unscaled.negate();
    }
    BigDecimal value = new BigDecimal(unscaled, random.nextInt(51) - 20);
    switch (random.nextInt(3)) {
      case 0:
        return value.toPlainString();
      case 1:
        return value.toString().toLowerCase(java.util.Locale.ROOT);
      default:
        return value.toString();
    }
  }

  static Map<String, String> stringMap(Random random) {
    Map<String, String> map = new LinkedHashMap<>();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      map.put(JsonText.text(random, 10), JsonText.text(random, 20));
    }
    return map;
  }

  private static Obj mapJson(Map<String, String> map, Random random) {
    Obj obj = new Obj();
    map.forEach((k, v) -> obj.put(JsonText.quote(k, random), JsonText.quote(v, random)));
    obj.keys.replaceAll(k -> "\u0000" + k); // marks keys that are already quoted
    return obj;
  }

  /** A value of an unknown field: any JSON, nested a little. */
  static String unknownValue(Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return "null";
      case 1:
        return "[1,\"a\",{\"b\":[true,false,null]},-0.5e-7]";
      case 2:
        return "{\"nested\":{\"deeper\":[[],{}]}}";
      case 3:
        return JsonText.quote(JsonText.text(random, 20), random);
      case 4:
        return decimalText(random);
      default:
        int depth = 1 + random.nextInt(100);
        return "[".repeat(depth) + "]".repeat(depth);
    }
  }

  /** The page's JSON text. */
  String json() {
    StringBuilder out = new StringBuilder();
    write(page, out, 0);
    return out.toString();
  }

  byte[] bytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }

  private void write(Obj obj, StringBuilder out, int depth) {
    out.append('{');
    for (int i = 0; i < obj.keys.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      if (pretty) {
        out.append('\n').append("  ".repeat(depth + 1));
      }
      String key = obj.keys.get(i);
      out.append(key.startsWith("\u0000") ? key.substring(1) : "\"" + key + "\"")
          .append(pretty ? ": " : ":");
      Object value = obj.values.get(i);
      if (obj == page && key.equals("items") && value == null) {
        out.append('[');
        for (int r = 0; r < recordJson.size(); r++) {
          if (r > 0) {
            out.append(',');
          }
          write(recordJson.get(r), out, depth + 1);
        }
        out.append(']');
      } else if (value instanceof Obj) {
        write((Obj) value, out, depth + 1);
      } else {
        out.append((String) value);
      }
    }
    if (pretty) {
      out.append('\n').append("  ".repeat(depth));
    }
    out.append('}');
  }

  /** The paths of every field a mutation may replace. */
  List<FieldPath> fieldPaths() {
    List<FieldPath> paths = new ArrayList<>();
    for (String key : page.keys) {
      paths.add(new FieldPath(-1, List.of(key)));
    }
    for (int r = 0; r < recordJson.size(); r++) {
      collect(recordJson.get(r), r, new ArrayList<>(), paths);
    }
    return paths;
  }

  private static void collect(Obj obj, int record, List<String> prefix, List<FieldPath> paths) {
    for (int i = 0; i < obj.keys.size(); i++) {
      String key = obj.keys.get(i);
      if (key.startsWith("\u0000")) {
        continue; // map entries: any value is fine there
      }
      List<String> names = new ArrayList<>(prefix);
      names.add(key);
      paths.add(new FieldPath(record, names));
      if (obj.values.get(i) instanceof Obj
          && !key.equals("infoFields")
          && !key.equals("tags")
          && !key.equals("additionalInfo")) {
        collect((Obj) obj.values.get(i), record, names, paths);
      }
    }
  }

  /** Replaces the value at {@code path} with raw JSON {@code replacement}. */
  void replace(FieldPath path, String replacement) {
    Obj obj = path.record() < 0 ? page : recordJson.get(path.record());
    List<String> names = path.names();
    for (int i = 0; i < names.size() - 1; i++) {
      obj = (Obj) obj.values.get(obj.indexOf(names.get(i)));
    }
    int at = obj.indexOf(names.get(names.size() - 1));
    if (obj == page && names.get(0).equals("items")) {
      recordJson.clear();
      obj.values.set(at, replacement);
      return;
    }
    obj.values.set(at, replacement);
  }
}
