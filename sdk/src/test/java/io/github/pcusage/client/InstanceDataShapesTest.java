package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.escape;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.pageOfRecords;
import static io.github.pcusage.client.TestData.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.pcusage.Page;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureInstanceData;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.testing.MockPartnerCenter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code instanceData} in each form it has come in: an object, a JSON string holding the object,
 * and a JSON string holding it under {@code Microsoft.Resources} (the Azure usage feed's form); an
 * {@code additionalInfo} that is plain text keeps it.
 */
class InstanceDataShapesTest {
  private static final String RESOURCE_URI =
      "/subscriptions/72b9a1f4/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01";
  private static final String INSTANCE =
      "{\"resourceUri\":\""
          + RESOURCE_URI
          + "\",\"location\":\"westeurope\",\"partNumber\":\"\",\"orderNumber\":\"\","
          + "\"tags\":{\"env\":\"prod\",\"costCenter\":42},"
          + "\"additionalInfo\":{\"ImageType\":\"Canonical\",\"ServiceType\":\"Standard_D2s_v3\"}}";

  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private static String recordWith(String id, String instanceDataJson) {
    return "{\"usageStartTime\":\"2026-10-01T00:00:00Z\",\"usageEndTime\":\"2026-10-02T00:00:00Z\","
        + "\"resource\":{\"id\":\""
        + id
        + "\"},\"quantity\":24,\"unit\":\"1 Hour\",\"instanceData\":"
        + instanceDataJson
        + "}";
  }

  private static String asJsonString(String json) {
    return "\"" + escape(json) + "\"";
  }

  private List<AzureInstanceData> served(String... records) {
    pc.server().enqueue(json(pageOfRecords(null, String.join(",", records), records.length)));
    List<AzureInstanceData> result = new ArrayList<>();
    try (PartnerCenterClient client = pc.client().build()) {
      for (AzureUtilizationRecord record : client.utilizations(CUSTOMER, SUBSCRIPTION, query())) {
        result.add(record.getInstanceData());
      }
    }
    return result;
  }

  @Test
  void unwrapsInstanceDataSentAsAStringUnderMicrosoftResourcesKeepingEveryField() {
    String wrapped = "{\"Microsoft.Resources\":" + INSTANCE + "}";

    AzureInstanceData data = served(recordWith("vm", asJsonString(wrapped))).get(0);

    assertThat(data.getResourceUri()).isEqualTo(RESOURCE_URI);
    assertThat(data.getLocation()).isEqualTo("westeurope");
    assertThat(data.getPartNumber()).isEmpty();
    assertThat(data.getOrderNumber()).isEmpty();
    assertThat(data.getTags()).containsExactly(entry("env", "prod"), entry("costCenter", "42"));
    assertThat(data.getAdditionalInfo())
        .containsExactly(entry("ImageType", "Canonical"), entry("ServiceType", "Standard_D2s_v3"));
  }

  @Test
  void decodesTheObjectTheStringAndTheWrappedStringFormsAlike() {
    List<AzureInstanceData> data =
        served(
            recordWith("object", INSTANCE),
            recordWith("string", asJsonString(INSTANCE)),
            recordWith("wrapped", asJsonString("{\"Microsoft.Resources\":" + INSTANCE + "}")));

    assertThat(data).hasSize(3);
    assertThat(data.get(0).getResourceUri()).isEqualTo(RESOURCE_URI);
    assertThat(data.get(1)).isEqualTo(data.get(0));
    assertThat(data.get(2)).isEqualTo(data.get(0));
  }

  @Test
  void keepsAPlainTextAdditionalInfoAsTheOneValueUnderTheEmptyKey() {
    String instance =
        "{\"resourceUri\":\""
            + RESOURCE_URI
            + "\",\"tags\":\"\",\"additionalInfo\":\"10.0.0.4___vm-web-01\"}";

    List<AzureInstanceData> data =
        served(
            recordWith("plain", instance),
            recordWith("wrapped", asJsonString("{\"Microsoft.Resources\":" + instance + "}")));

    assertThat(data.get(0).getAdditionalInfo()).containsExactly(entry("", "10.0.0.4___vm-web-01"));
    assertThat(data.get(0).getTags()).isEmpty();
    assertThat(data.get(1)).isEqualTo(data.get(0));
  }

  @Test
  void keepsTagsAndAdditionalInfoSentAsJsonStringsInsideTheWrapper() {
    String instance =
        "{\"resourceUri\":\""
            + RESOURCE_URI
            + "\",\"tags\":"
            + asJsonString("{\"env\":\"prod\"}")
            + ",\"additionalInfo\":"
            + asJsonString("{\"ImageType\":\"Canonical\"}")
            + "}";

    AzureInstanceData data =
        served(recordWith("vm", asJsonString("{\"Microsoft.Resources\":" + instance + "}"))).get(0);

    assertThat(data.getTags()).containsExactly(entry("env", "prod"));
    assertThat(data.getAdditionalInfo()).containsExactly(entry("ImageType", "Canonical"));
  }

  @Test
  void decodesAWrapperHoldingNullOrABlankStringAsNoInstanceData() {
    List<AzureInstanceData> data =
        served(
            recordWith("null", asJsonString("{\"Microsoft.Resources\":null}")),
            recordWith("blank", "\" \""));

    assertThat(data).containsExactly(null, null);
  }

  @Test
  void rawItemsKeepTheWrappedStringAsSent() {
    String record = recordWith("vm", asJsonString("{\"Microsoft.Resources\":" + INSTANCE + "}"));
    pc.server().enqueue(json(pageOfRecords(null, record, 1)));

    try (PartnerCenterClient client = pc.client().build()) {
      Page<AzureUtilizationRecord> page =
          client.utilizations(CUSTOMER, SUBSCRIPTION, query()).byPage().iterator().next();

      assertThat(new String(page.rawItems().toByteArray(0), StandardCharsets.UTF_8))
          .isEqualTo(record);
    }
  }
}
