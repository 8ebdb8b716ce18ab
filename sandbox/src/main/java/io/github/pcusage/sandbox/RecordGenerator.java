package io.github.pcusage.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the daily records of one subscription from the seed, the two ids and a count alone.
 *
 * <p>Records cover consecutive days from 2026-09-30 (in the subscription's own non-UTC offset),
 * {@code ceil(count / 31)} resources a day, so that most of them are reported inside the October
 * 2026 billing window. Each record is reported 1 to 47 hours after its usage ends.
 */
final class RecordGenerator {
  /** The first usage day; records are generated day after day from here. */
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 30);

  private static final int DAYS = 31;
  private static final ZoneOffset[] OFFSETS = {
    ZoneOffset.ofHours(-7),
    ZoneOffset.ofHours(-8),
    ZoneOffset.ofHours(1),
    ZoneOffset.ofHours(2),
    ZoneOffset.ofHoursMinutes(5, 30),
    ZoneOffset.ofHours(9),
    ZoneOffset.ofHours(-3),
  };
  private static final String[] RESOURCE_GROUPS = {
    "rg-billing", "rg-web-prod", "rg-data", "rg-shared-services", "RG-LEGACY", "rg-analytics",
  };
  private static final String ODD_RESOURCE_GROUP = "Billing Reports (old)";
  private static final String[][] TAGS = {
    {"costCenter", "42"},
    {"env", "prod"},
    {"env", "test"},
    {"owner", "finance@contoso.example"},
    {"project", "invoicing"},
    {"department", "R&D"},
  };
  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;
  private static final long TEN_POW_16 = 10_000_000_000_000_000L;
  private static final long TEN_POW_17 = 100_000_000_000_000_000L;

  private RecordGenerator() {}

  /** Generates {@code count} daily records in a stable order (day by day, resource by resource). */
  static List<UsageRecord> generate(
      long seed, String customerId, String subscriptionId, int count) {
    long base =
        SeededRandom.combine(
            seed, SeededRandom.hash(customerId), SeededRandom.hash(subscriptionId));
    ZoneOffset offset = OFFSETS[new SeededRandom(base).nextInt(OFFSETS.length)];
    int resourceCount = Math.max(1, (count + DAYS - 1) / DAYS);
    List<Resource> resources = new ArrayList<>(resourceCount);
    for (int r = 0; r < resourceCount; r++) {
      resources.add(
          resource(new SeededRandom(SeededRandom.combine(base, 1, r)), subscriptionId, r));
    }
    OffsetDateTime firstDay = FIRST_DAY.atStartOfDay().atOffset(offset);
    List<UsageRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      SeededRandom random = new SeededRandom(SeededRandom.combine(base, 2, i));
      Resource resource = resources.get(i % resourceCount);
      OffsetDateTime dayStart = firstDay.plusDays(i / resourceCount);
      OffsetDateTime start = dayStart;
      if (random.oneIn(13)) {
        start = start.plusNanos(100L * (1 + random.nextInt(9_999_999)));
      }
      OffsetDateTime end = dayStart.plusDays(1);
      if (random.oneIn(9)) {
        end = end.minusNanos(100);
      }
      long delay = NANOS_PER_HOUR + 100L * random.nextLong(46 * NANOS_PER_HOUR / 100);
      records.add(
          new UsageRecord(
              resource.meter,
              resource.instance,
              start,
              end,
              quantity(resource.meter, random),
              end.toInstant().plus(Duration.ofNanos(delay)),
              resource.infoFields,
              resource.hasRegion));
    }
    return Collections.unmodifiableList(records);
  }

  /**
   * Adds to {@code into} the ids of the meters that {@code count} records of a pair use, without
   * generating the records (each resource draws its meter first).
   */
  static void addMeterIds(
      long seed, String customerId, String subscriptionId, int count, Set<String> into) {
    if (count == 0) {
      return;
    }
    long base =
        SeededRandom.combine(
            seed, SeededRandom.hash(customerId), SeededRandom.hash(subscriptionId));
    int resourceCount = Math.max(1, (count + DAYS - 1) / DAYS);
    for (int r = 0; r < resourceCount && into.size() < MeterCatalog.METERS.size(); r++) {
      SeededRandom random = new SeededRandom(SeededRandom.combine(base, 1, r));
      into.add(MeterCatalog.METERS.get(random.nextInt(MeterCatalog.METERS.size())).id());
    }
  }

  private static BigDecimal quantity(Meter meter, SeededRandom random) {
    if (meter.hourly()) {
      int pick = random.nextInt(6);
      if (pick == 0) {
        return BigDecimal.valueOf(24);
      }
      if (pick == 1) {
        return new BigDecimal("24.000000000000000000");
      }
      BigDecimal fraction = BigDecimal.valueOf(TEN_POW_16 + random.nextLong(9 * TEN_POW_16), 17);
      return fraction.multiply(BigDecimal.valueOf(24));
    }
    boolean eighteen = random.oneIn(4);
    long unscaled =
        eighteen
            ? TEN_POW_17 + random.nextLong(9 * TEN_POW_17)
            : TEN_POW_16 + random.nextLong(9 * TEN_POW_16);
    int digits = eighteen ? 18 : 17;
    int exponent = meter.magnitude() + random.nextInt(3) - 1;
    BigDecimal value = BigDecimal.valueOf(unscaled, digits - 1 - exponent);
    if (random.oneIn(7)) {
      value = value.setScale(value.scale() - 9, RoundingMode.HALF_UP).setScale(value.scale());
    }
    return value;
  }

  /**
   * Draws resource number {@code index} of a subscription. Real payloads sometimes leave {@code
   * resource.region} out: here every eighth resource of a subscription (index 7, 15, ...) does, so
   * a subscription of 8 or more resources (from 218 daily records) has records without it. (A meter
   * without a region sends it empty.)
   */
  private static Resource resource(SeededRandom random, String subscriptionId, int index) {
    Meter meter = MeterCatalog.METERS.get(random.nextInt(MeterCatalog.METERS.size()));
    boolean hasRegion = index % 8 != 7;
    Map<String, String> infoFields = Map.of();
    if (random.oneIn(8)) {
      // camelCase keys, as in Microsoft's documented payloads
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("meteredRegion", meter.region());
      fields.put("meteredService", meter.category());
      fields.put("meteredServiceType", meter.subcategory());
      fields.put("project", subscriptionId.substring(0, Math.min(8, subscriptionId.length())));
      infoFields = Collections.unmodifiableMap(fields);
    }
    if (random.oneIn(10)) {
      return new Resource(meter, null, infoFields, hasRegion);
    }
    String group =
        random.oneIn(25)
            ? ODD_RESOURCE_GROUP
            : RESOURCE_GROUPS[random.nextInt(RESOURCE_GROUPS.length)];
    String uri =
        "/subscriptions/"
            + subscriptionId
            + "/resourceGroups/"
            + group
            + "/providers/"
            + meter.provider()
            + "/"
            + meter.instancePrefix()
            + index;
    Map<String, String> tags = null;
    if (!random.oneIn(3)) {
      Map<String, String> map = new LinkedHashMap<>();
      int n = 1 + random.nextInt(3);
      for (int t = 0; t < n; t++) {
        String[] tag = TAGS[random.nextInt(TAGS.length)];
        map.put(tag[0], tag[1]);
      }
      tags = Collections.unmodifiableMap(map);
    }
    Map<String, String> additional = null;
    if (!random.oneIn(5)) {
      Map<String, String> map = new LinkedHashMap<>();
      map.put("ConsumptionMeter", meter.id());
      if (meter.provider().equals("Microsoft.Compute/virtualMachines") && meter.hourly()) {
        map.put("ImageType", random.oneIn(2) ? "Canonical" : "Windows Server BYOL");
        map.put("ServiceType", "Standard_" + meter.name().replace(' ', '_'));
        map.put("VMName", "");
        map.put("UsageType", "ComputeHR");
      }
      additional = Collections.unmodifiableMap(map);
    }
    return new Resource(
        meter,
        new ResourceInstance(uri, meter.location(), tags, additional),
        infoFields,
        hasRegion);
  }

  private static final class Resource {
    final Meter meter;
    final ResourceInstance instance;
    final Map<String, String> infoFields;
    final boolean hasRegion;

    Resource(
        Meter meter, ResourceInstance instance, Map<String, String> infoFields, boolean hasRegion) {
      this.meter = meter;
      this.instance = instance;
      this.infoFields = infoFields;
      this.hasRegion = hasRegion;
    }
  }
}
