package io.github.pcusage.estimate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Objects;
import java.util.TreeMap;

/** The summed quantity of one line while records are added: all an estimate keeps of them. */
final class Usage {
  final Key key;
  final String meterId;
  final EstimateLine.Meta recordMeta;
  BigDecimal quantity = BigDecimal.ZERO;
  final TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();

  Usage(Key key, String meterId, EstimateLine.Meta recordMeta) {
    this.key = key;
    this.meterId = meterId;
    this.recordMeta = recordMeta;
  }

  void add(LocalDate day, BigDecimal amount) {
    quantity = quantity.add(amount);
    byDay.merge(day, amount, BigDecimal::add);
  }

  /** What a line is: customer, subscription, month, meter (any case) and unit. */
  static final class Key {
    static final Comparator<Key> ORDER =
        Comparator.comparing((Key k) -> k.customerId)
            .thenComparing(k -> k.subscriptionId)
            .thenComparing(k -> k.month)
            .thenComparing(k -> k.meterKey)
            .thenComparing(k -> k.unit);

    final String customerId;
    final String subscriptionId;
    final YearMonth month;
    final String meterKey;
    final String unit;

    Key(String customerId, String subscriptionId, YearMonth month, String meterKey, String unit) {
      this.customerId = customerId;
      this.subscriptionId = subscriptionId;
      this.month = month;
      this.meterKey = meterKey;
      this.unit = unit;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key)) {
        return false;
      }
      Key k = (Key) o;
      return customerId.equals(k.customerId)
          && subscriptionId.equals(k.subscriptionId)
          && month.equals(k.month)
          && meterKey.equals(k.meterKey)
          && unit.equals(k.unit);
    }

    @Override
    public int hashCode() {
      return Objects.hash(customerId, subscriptionId, month, meterKey, unit);
    }
  }
}
