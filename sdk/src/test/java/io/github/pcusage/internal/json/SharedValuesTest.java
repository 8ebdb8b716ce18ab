package io.github.pcusage.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.AzureUtilizationRecordCollection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoded records share equal values (times, pooled strings, map contents) and stay correct. */
class SharedValuesTest {
  private final JsonAdapter<AzureUtilizationRecordCollection> pageAdapter =
      PartnerCenterJson.adapter(AzureUtilizationRecordCollection.class);

  private static String record(String start, String tagValue) {
    return "{\"usageStartTime\":\""
        + start
        + "\",\"usageEndTime\":\"2026-10-02T00:00:00-07:00\","
        + "\"resource\":{\"id\":\"m-1\",\"category\":\"Storage\"},\"quantity\":1.50,\"unit\":\"1 GB\","
        + "\"infoFields\":{},\"instanceData\":{\"resourceUri\":\"/subscriptions/s/rg\","
        + "\"tags\":{\"env\":\""
        + tagValue
        + "\"}}}";
  }

  @Test
  void equalTimesDecodeToOneSharedValueAndDifferentOnesStayDifferent() throws Exception {
    List<AzureUtilizationRecord> items =
        pageAdapter
            .fromJson(
                "{\"items\":["
                    + record("2026-10-01T00:00:00-07:00", "a")
                    + ","
                    + record("2026-10-01T00:00:00-07:00", "a")
                    + ","
                    + record("2026-10-01T00:00:00+07:00", "b")
                    + "]}")
            .getItems();

    assertThat(items.get(1).getUsageStartTime()).isSameAs(items.get(0).getUsageStartTime());
    assertThat(items.get(2).getUsageStartTime())
        .isEqualTo(OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7)));
    assertThat(items.get(1).getUnit()).isSameAs(items.get(0).getUnit());
    assertThat(items.get(1).getInstanceData().getTags().get("env"))
        .isSameAs(items.get(0).getInstanceData().getTags().get("env"));
    assertThat(items.get(2).getInstanceData().getTags())
        .containsExactly(java.util.Map.entry("env", "b"));
  }

  @Test
  void aBadTimeIsReportedWithItsPathEvenAfterGoodOnes() throws Exception {
    String payload =
        "{\"items\":["
            + record("2026-10-01T00:00:00-07:00", "a")
            + ","
            + record("someday", "a")
            + "]}";

    assertThatThrownBy(() -> pageAdapter.fromJson(payload))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.items[1].usageStartTime");
  }

  @Test
  void aMissingRequiredFieldNamesExactlyTheObjectItIsMissingFrom() {
    String withoutQuantity =
        record("2026-10-01T00:00:00-07:00", "a").replace("\"quantity\":1.50,", "");
    String withoutResourceId =
        record("2026-10-01T00:00:00-07:00", "a").replace("\"id\":\"m-1\",", "");
    String withUnknownLast =
        withoutQuantity.substring(0, withoutQuantity.length() - 1) + ",\"extra\":1}";

    assertThatThrownBy(
            () ->
                pageAdapter.fromJson(
                    "{\"items\":["
                        + record("2026-10-01T00:00:00Z", "a")
                        + ","
                        + withoutQuantity
                        + "]}"))
        .hasMessageEndingWith("Required value 'quantity' missing at $.items[1]");
    assertThatThrownBy(() -> pageAdapter.fromJson("{\"items\":[" + withUnknownLast + "]}"))
        .hasMessageEndingWith("Required value 'quantity' missing at $.items[0]");
    assertThatThrownBy(() -> pageAdapter.fromJson("{\"items\":[" + withoutResourceId + "]}"))
        .hasMessageEndingWith("Required value 'id' missing at $.items[0].resource");
    assertThatThrownBy(() -> pageAdapter.fromJson("{\"items\":[{}]}"))
        .hasMessageEndingWith("Required value 'usageStartTime' missing at $.items[0]");
    assertThatThrownBy(() -> pageAdapter.fromJson("{}"))
        .hasMessageEndingWith("Required value 'items' missing at $");
  }

  @Test
  void thePoolSharesEqualStringsAndNeverConfusesDifferentOnes() {
    StringPool pool = new StringPool(16);
    String first = pool.dedupe(new String("/subscriptions/s/resourceGroups/rg/providers/x/vm-1"));

    assertThat(pool.dedupe(new String("/subscriptions/s/resourceGroups/rg/providers/x/vm-1")))
        .isSameAs(first);
    for (int i = 0; i < 1000; i++) {
      String value = "/subscriptions/s/resourceGroups/rg/providers/x/vm-" + i;
      assertThat(pool.dedupe(new String(value))).isEqualTo(value);
    }
    assertThat(pool.dedupe("")).isEmpty();
    assertThat(pool.dedupe(null)).isNull();
  }
}
