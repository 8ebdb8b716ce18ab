package io.github.pcusage.client;

import static io.github.pcusage.client.TestData.CUSTOMER;
import static io.github.pcusage.client.TestData.NEXT_PATH;
import static io.github.pcusage.client.TestData.NEXT_URI;
import static io.github.pcusage.client.TestData.SUBSCRIPTION;
import static io.github.pcusage.client.TestData.ids;
import static io.github.pcusage.client.TestData.json;
import static io.github.pcusage.client.TestData.lastPage;
import static io.github.pcusage.client.TestData.query;
import static io.github.pcusage.client.TestData.record;
import static io.github.pcusage.client.TestData.status;
import static io.github.pcusage.client.TestData.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.BadRequestException;
import io.github.pcusage.PartnerCenterClient;
import io.github.pcusage.model.AzureInstanceData;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.SubscriptionUsageSummary;
import io.github.pcusage.testing.MockPartnerCenter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An explicit {@code null} for any optional field decodes as the field's absence. */
class ExplicitNullsTest {
  private static final String NULL_RECORD =
      "{\"usageStartTime\":\"2026-10-01T00:00:00Z\",\"usageEndTime\":\"2026-10-02T00:00:00Z\","
          + "\"resource\":{\"id\":\"meter\",\"name\":null,\"category\":null,\"subcategory\":null,"
          + "\"region\":null},"
          + "\"quantity\":1.5,\"unit\":null,\"infoFields\":null,\"instanceData\":null,"
          + "\"attributes\":null}";
  private static final String NULL_INSTANCE_RECORD =
      "{\"usageStartTime\":\"2026-10-01T00:00:00Z\",\"usageEndTime\":\"2026-10-02T00:00:00Z\","
          + "\"resource\":{\"id\":\"vm\"},\"quantity\":2,"
          + "\"instanceData\":{\"resourceUri\":\"/subscriptions/S/x\",\"location\":null,"
          + "\"partNumber\":null,\"orderNumber\":null,\"tags\":null,\"additionalInfo\":null},"
          + "\"attributes\":{\"objectType\":null,\"etag\":null}}";

  @RegisterExtension final MockPartnerCenter pc = new MockPartnerCenter();

  private List<AzureUtilizationRecord> listAll() {
    List<AzureUtilizationRecord> records = new ArrayList<>();
    try (PartnerCenterClient client = pc.client().build()) {
      client.utilizations(CUSTOMER, SUBSCRIPTION, query()).forEach(records::add);
    }
    return records;
  }

  @Test
  void decodesARecordWhoseOptionalFieldsAreAllNull() {
    pc.server()
        .enqueue(
            json(
                "{\"totalCount\":null,\"items\":["
                    + NULL_RECORD
                    + "],\"links\":{\"self\":null,\"next\":null,\"previous\":null},"
                    + "\"attributes\":null}"));

    List<AzureUtilizationRecord> records = listAll();

    assertThat(records).hasSize(1);
    AzureUtilizationRecord record = records.get(0);
    assertThat(record.getResource().getId()).isEqualTo("meter");
    assertThat(record.getResource().getName()).isNull();
    assertThat(record.getResource().getRegion()).isNull();
    assertThat(record.getUnit()).isNull();
    assertThat(record.getInfoFields()).isNull();
    assertThat(record.getInstanceData()).isNull();
    assertThat(record.getAttributes()).isNull();
    assertThat(record.getQuantity().toPlainString()).isEqualTo("1.5");
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void decodesInstanceDataWhoseTagsAdditionalInfoAndOtherOptionalFieldsAreNull() {
    pc.server().enqueue(json("{\"items\":[" + NULL_INSTANCE_RECORD + "],\"links\":null}"));

    AzureInstanceData data = listAll().get(0).getInstanceData();

    assertThat(data.getResourceUri()).isEqualTo("/subscriptions/S/x");
    assertThat(data.getLocation()).isNull();
    assertThat(data.getPartNumber()).isNull();
    assertThat(data.getOrderNumber()).isNull();
    assertThat(data.getTags()).isNull();
    assertThat(data.getAdditionalInfo()).isNull();
  }

  @Test
  void endsTheListingOnANullNextLink() {
    pc.server().enqueue(json("{\"items\":[" + record("only") + "],\"links\":{\"next\":null}}"));
    pc.server().enqueue(json(lastPage("never")));

    assertThat(ids(listAll())).containsExactly("only");
    assertThat(pc.server().getRequestCount()).isEqualTo(1);
  }

  @Test
  void followsANextLinkWhoseMethodIsNull() throws InterruptedException {
    pc.server()
        .enqueue(
            json(
                "{\"items\":["
                    + record("a")
                    + "],\"links\":{\"self\":null,\"next\":{\"uri\":\""
                    + NEXT_URI
                    + "\",\"method\":null,\"headers\":[{\"key\":\"MS-ContinuationToken\","
                    + "\"value\":\"token-1\"}]}}}"));
    pc.server().enqueue(json(lastPage("b")));

    assertThat(ids(listAll())).containsExactly("a", "b");
    pc.takeRequest();
    assertThat(pc.takeRequest().getPath()).isEqualTo(NEXT_PATH);
  }

  @Test
  void decodesAUsageSummaryWhoseFieldsAreAllNull() {
    pc.server()
        .enqueue(
            json(
                "{\"id\":null,\"name\":null,\"resourceId\":null,\"resourceName\":null,"
                    + "\"billingStartDate\":null,\"billingEndDate\":null,\"totalCost\":null,"
                    + "\"currencyLocale\":null,\"currencyCode\":null,\"usdTotalCost\":null,"
                    + "\"lastModifiedDate\":null,\"links\":null,\"attributes\":null}"));

    try (PartnerCenterClient client = pc.client().build()) {
      SubscriptionUsageSummary summary = client.usageSummary(CUSTOMER, SUBSCRIPTION);

      assertThat(summary).isEqualTo(SubscriptionUsageSummary.builder().build());
    }
  }

  @Test
  void readsAnErrorBodyWhoseOptionalFieldsAreNull() {
    pc.server()
        .enqueue(
            status(400)
                .setBody(
                    "{\"code\":800002,\"description\":\"Invalid request input.\","
                        + "\"errorName\":null,\"isRetryable\":null,\"data\":null,\"source\":null,"
                        + "\"parameters\":null,\"errorMessageExtended\":null}"));

    BadRequestException e = thrown(BadRequestException.class, this::listAll);

    assertThat(e.errorCode()).isEqualTo("800002");
    assertThat(e.description()).isEqualTo("Invalid request input.");
    assertThat(e.errorName()).isNull();
  }
}
