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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The fixed CSV columns, in order. Numbers are plain decimals (never scientific), dates ISO-8601
 * with their offset, maps ({@code tags}, {@code additionalInfo}, {@code infoFields}) JSON objects;
 * an absent value is an empty cell. {@code export} puts {@code customerId} and {@code
 * subscriptionId} first.
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

  private CsvColumns() {}

  /** Returns the cells of a record, in {@link #RECORD} order. */
  static Object[] cells(AzureUtilizationRecord r) {
    AzureResource resource = r.getResource();
    AzureInstanceData instance = r.getInstanceData();
    return new Object[] {
      time(r.getUsageStartTime()),
      time(r.getUsageEndTime()),
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
      instance == null ? null : json(instance.getTags()),
      instance == null ? null : json(instance.getAdditionalInfo()),
      json(r.getInfoFields()),
    };
  }

  static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String time(OffsetDateTime time) {
    return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }

  private static String json(Map<String, String> map) {
    return map == null ? null : MAP_ADAPTER.toJson(map);
  }
}
