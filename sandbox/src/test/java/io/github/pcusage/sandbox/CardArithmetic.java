package io.github.pcusage.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tests' own reading of a rate card and their own graduated pricing (facts §4.3), written
 * independently of the sandbox's PriceTable so that the usage summary can be checked against it.
 */
final class CardArithmetic {
  private final Map<String, TreeMap<BigDecimal, BigDecimal>> tiers = new HashMap<>();
  private final Map<String, BigDecimal> included = new HashMap<>();

  /** Reads the meters of a rate card body. */
  CardArithmetic(JsonNode card) {
    for (JsonNode meter : card.path("meters")) {
      String id = meter.path("id").asText().toLowerCase(Locale.ROOT);
      TreeMap<BigDecimal, BigDecimal> rates = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = meter.path("rates").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> rate = fields.next();
        rates.put(new BigDecimal(rate.getKey()), rate.getValue().decimalValue());
      }
      tiers.put(id, rates);
      included.put(id, meter.path("includedQuantity").decimalValue());
    }
  }

  boolean prices(String meterId) {
    return tiers.containsKey(meterId.toLowerCase(Locale.ROOT));
  }

  TreeMap<BigDecimal, BigDecimal> tiers(String meterId) {
    return tiers.get(meterId.toLowerCase(Locale.ROOT));
  }

  BigDecimal included(String meterId) {
    return included.get(meterId.toLowerCase(Locale.ROOT));
  }

  /** Billable = max(0, q - included); each tier's slice of it times the tier's rate. */
  BigDecimal cost(String meterId, BigDecimal quantity) {
    BigDecimal billable = quantity.subtract(included(meterId));
    if (billable.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal cost = BigDecimal.ZERO;
    TreeMap<BigDecimal, BigDecimal> rates = tiers(meterId);
    for (Map.Entry<BigDecimal, BigDecimal> tier : rates.entrySet()) {
      BigDecimal lower = tier.getKey();
      BigDecimal upper = rates.higherKey(lower);
      BigDecimal top = upper == null || billable.compareTo(upper) < 0 ? billable : upper;
      if (top.compareTo(lower) > 0) {
        cost = cost.add(top.subtract(lower).multiply(tier.getValue()));
      }
    }
    return cost;
  }

  /** Prices quantities per meter and rounds the sum once to 20 digits, half-even. */
  BigDecimal total(Map<String, BigDecimal> quantityPerMeter) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> meter : quantityPerMeter.entrySet()) {
      sum = sum.add(cost(meter.getKey(), meter.getValue()));
    }
    return sum.setScale(20, RoundingMode.HALF_EVEN);
  }
}
