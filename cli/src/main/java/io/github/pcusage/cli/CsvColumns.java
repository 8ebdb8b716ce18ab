package io.github.pcusage.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureInstanceData;
import io.github.pcusage.model.AzureResource;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The fixed CSV columns, in order. Numbers are plain decimals (never scientific), dates ISO-8601
 * with their offset, maps ({@code tags}, {@code additionalInfo}, {@code infoFields}) JSON objects;
 * an absent value is an empty cell. {@link #excelCells} is the spreadsheet variant. {@code export}
 * puts {@code customerId} and {@code subscriptionId} first.
 */
final class CsvColumns {
  static final List<String> TARGET = List.of("customerId", "subscriptionId");

  static final List<String> RECORD =
      List.of(
          "usageStartTime",
          "usageEndTime",
          "resourceId",
          "resourceName",
          "resourceCategory",
          "resourceSubcategory",
          "resourceRegion",
          "quantity",
          "unit",
          "resourceUri",
          "location",
          "partNumber",
          "orderNumber",
          "tags",
          "additionalInfo",
          "infoFields");

  private static final Type STRING_MAP =
      Types.newParameterizedType(Map.class, String.class, String.class);
  private static final JsonAdapter<Map<String, String>> MAP_ADAPTER =
      PartnerCenterJson.moshi().adapter(STRING_MAP);

  private static final DateTimeFormatter SPREADSHEET_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private CsvColumns() {}

  /** Returns the cells of a record, in {@link #RECORD} order, lossless. */
  static Object[] cells(AzureUtilizationRecord r) {
    return cells(r, false);
  }

  /**
   * Returns the cells of a record for a spreadsheet, in {@link #RECORD} order: times in UTC as
   * {@code yyyy-MM-dd HH:mm:ss} (which Excel reads as dates), maps as {@code key=value; ...} text.
   * Quantities stay plain decimals: Excel keeps their first 15 significant digits.
   */
  static Object[] excelCells(AzureUtilizationRecord r) {
    return cells(r, true);
  }

  private static Object[] cells(AzureUtilizationRecord r, boolean excel) {
    AzureResource resource = r.getResource();
    AzureInstanceData instance = r.getInstanceData();
    return new Object[] {
      time(r.getUsageStartTime(), excel),
      time(r.getUsageEndTime(), excel),
      resource == null ? null : resource.getId(),
      resource == null ? null : resource.getName(),
      resource == null ? null : resource.getCategory(),
      resource == null ? null : resource.getSubcategory(),
      resource == null ? null : resource.getRegion(),
      plain(r.getQuantity()),
      r.getUnit(),
      instance == null ? null : instance.getResourceUri(),
      instance == null ? null : instance.getLocation(),
      instance == null ? null : instance.getPartNumber(),
      instance == null ? null : instance.getOrderNumber(),
      instance == null ? null : map(instance.getTags(), excel),
      instance == null ? null : map(instance.getAdditionalInfo(), excel),
      map(r.getInfoFields(), excel),
    };
  }

  static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String time(OffsetDateTime time, boolean excel) {
    if (time == null) {
      return null;
    }
    return excel
        ? SPREADSHEET_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC))
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }

  private static String map(Map<String, String> map, boolean excel) {
    if (map == null) {
      return null;
    }
    if (!excel) {
      return MAP_ADAPTER.toJson(map);
    }
    StringJoiner text = new StringJoiner("; ");
    map.forEach((key, value) -> text.add(key + "=" + (value == null ? "" : value)));
    return text.toString();
  }
}
