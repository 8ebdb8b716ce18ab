package io.github.pcusage.sandbox;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The generated meters that pad the rate card to a requested size: each drawn from the seed and its
 * index alone (the same on every run), realistic in shape and size (about 400 bytes on the wire),
 * never used by any record.
 */
final class PaddingMeters {
  private static final String[][] FAMILIES = {
    {"Virtual Machines", "Dv5 Series", "1 Hour", "D", " v5"},
    {"Virtual Machines", "Ev5 Series", "1 Hour", "E", " v5"},
    {"Storage", "Premium SSD Managed Disks", "1/Month", "P", " Disks"},
    {"Storage", "Tables", "1 GB/Month", "Standard Data Stored ", ""},
    {"Networking", "VPN Gateway", "1 Hour", "VpnGw", ""},
    {"SQL Database", "Single vCore", "1 Hour", "vCore ", ""},
    {"Azure App Service", "Premium v3 Plan", "1 Hour", "P", "v3 App"},
    {"Azure Cosmos DB", "Autoscale", "100/Hour", "Autoscale ", " RU/s"},
  };
  private static final String[] REGIONS = {
    "EU West",
    "EU North",
    "US East",
    "US East 2",
    "US West 2",
    "AP Southeast",
    "JA East",
    "AU East",
    "UK South",
    "Zone 1",
    "Zone 2",
    "",
  };

  private final long seed;

  PaddingMeters(long seed) {
    this.seed = seed;
  }

  /** Draws padding meter number {@code index}. */
  Drawn draw(int index) {
    SeededRandom random = new SeededRandom(SeededRandom.combine(seed, 0x70616464L, index));
    String[] family = FAMILIES[random.nextInt(FAMILIES.length)];
    String name = family[3] + (1 + random.nextInt(64)) + family[4] + " #" + index;
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    long base = 1 + random.nextLong(500_000);
    rates.put("0", BigDecimal.valueOf(base, 4));
    if (random.oneIn(4)) {
      rates.put("1024.0000000000", BigDecimal.valueOf(base * 9 / 10, 4));
      rates.put("51200.0000000000", BigDecimal.valueOf(base * 8 / 10, 4));
    }
    List<String> tags = index % 40 == 3 ? List.of("Third Party") : List.of();
    return new Drawn(
        new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
            .toString(),
        name,
        family[0],
        family[1],
        REGIONS[random.nextInt(REGIONS.length)],
        family[2],
        rates,
        tags);
  }

  /** One generated meter. */
  record Drawn(
      String id,
      String name,
      String category,
      String subcategory,
      String region,
      String unit,
      Map<String, BigDecimal> rates,
      List<String> tags) {}
}
