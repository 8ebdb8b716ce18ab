package io.github.pcusage.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import io.github.pcusage.model.SubscriptionUsageSummary;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The usage summary arrives as one object (what the service sends) or as a one-item collection
 * (what the reference's type name suggests), for Azure plan and for legacy subscriptions.
 */
class UsageSummaryShapesTest {
  private static final String AZURE_PLAN =
      json(
          "{'resourceId':'5d2c8f10','resourceName':'Azure plan',"
              + "'billingStartDate':'2026-10-01T00:00:00+00:00','billingEndDate':'2026-11-01T00:00:00+00:00',"
              + "'totalCost':120.56829999999959047160,'currencyCode':'EUR','usdTotalCost':131.40000000000000012345,"
              + "'lastModifiedDate':'2026-10-17T17:08:11.1433333+00:00',"
              + "'links':{'self':{'uri':'/customers/C/subscriptions/S/usagesummary','method':'GET','headers':[]}},"
              + "'attributes':{'objectType':'SubscriptionUsageSummary'}}");

  private static final String LEGACY =
      json(
          "{'id':'72b9a1f4','name':'Pay-As-You-Go','resourceId':'72b9a1f4','resourceName':'Pay-As-You-Go',"
              + "'billingStartDate':'2026-10-05T00:00:00-07:00','billingEndDate':'2026-11-05T00:00:00-07:00',"
              + "'totalCost':3.1415926535897932384,'currencyLocale':'fr-FR','lastModifiedDate':'2026-10-17T17:08:11Z',"
              + "'attributes':{'objectType':'SubscriptionUsageSummary'}}");

  private final JsonAdapter<SubscriptionUsageSummary> adapter =
      PartnerCenterJson.adapter(SubscriptionUsageSummary.class);

  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static String collectionOf(String... summaries) {
    return json("{'totalCount':" + summaries.length + ",'items':[")
        + String.join(",", summaries)
        + json(
            "],'links':{'self':{'uri':'customers/C/subscriptions/S/usagesummary','method':'GET','headers':[]}},")
        + json("'attributes':{'objectType':'Collection'}}");
  }

  @Test
  void decodesTheSingleObjectTheServiceSends() throws IOException {
    SubscriptionUsageSummary summary = adapter.fromJson(AZURE_PLAN);

    assertThat(summary.getResourceId()).isEqualTo("5d2c8f10");
    assertThat(summary.getTotalCost()).isEqualTo(new BigDecimal("120.56829999999959047160"));
    assertThat(summary.getLinks().getSelf().getUri())
        .isEqualTo("/customers/C/subscriptions/S/usagesummary");
  }

  @Test
  void unwrapsAOneItemCollection() throws IOException {
    SubscriptionUsageSummary summary = adapter.fromJson(collectionOf(AZURE_PLAN));

    assertThat(summary).isEqualTo(adapter.fromJson(AZURE_PLAN));
  }

  @Test
  void refusesATwoItemCollectionNamingItsPath() {
    JsonAdapter<List<SubscriptionUsageSummary>> listAdapter =
        PartnerCenterJson.adapter(
            Types.newParameterizedType(List.class, SubscriptionUsageSummary.class));
    String payload = "[" + AZURE_PLAN + "," + collectionOf(AZURE_PLAN, LEGACY) + "]";

    assertThatThrownBy(() -> listAdapter.fromJson(payload))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("found 2")
        .hasMessageContaining("at path $[1]");
  }

  @Test
  void refusesAnEmptyCollection() {
    assertThatThrownBy(() -> adapter.fromJson(collectionOf()))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("found 0")
        .hasMessageContaining("at path $");
  }

  @Test
  void decodesTheAzurePlanShapeWithCurrencyCodeAndUsdTotalCost() throws IOException {
    SubscriptionUsageSummary summary = adapter.fromJson(AZURE_PLAN);

    assertThat(summary.getCurrencyCode()).isEqualTo("EUR");
    assertThat(summary.getUsdTotalCost()).isEqualTo(new BigDecimal("131.40000000000000012345"));
    assertThat(summary.getCurrencyLocale()).isNull();
    assertThat(summary.getLastModifiedDate())
        .isEqualTo(OffsetDateTime.of(2026, 10, 17, 17, 8, 11, 143_333_300, ZoneOffset.UTC));
  }

  @Test
  void decodesTheLegacyShapeWithCurrencyLocaleAndRepeatedIdAndName() throws IOException {
    SubscriptionUsageSummary summary = adapter.fromJson(LEGACY);

    assertThat(summary.getCurrencyLocale()).isEqualTo("fr-FR");
    assertThat(summary.getCurrencyCode()).isNull();
    assertThat(summary.getUsdTotalCost()).isNull();
    assertThat(summary.getId()).isEqualTo(summary.getResourceId()).isEqualTo("72b9a1f4");
    assertThat(summary.getName()).isEqualTo(summary.getResourceName()).isEqualTo("Pay-As-You-Go");
    assertThat(summary.getTotalCost()).isEqualTo(new BigDecimal("3.1415926535897932384"));
    assertThat(summary.getBillingStartDate().getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
  }

  @Test
  void unwrapsALegacySummaryFromAOneItemCollection() throws IOException {
    SubscriptionUsageSummary summary = adapter.fromJson(collectionOf(LEGACY));

    assertThat(summary.getCurrencyLocale()).isEqualTo("fr-FR");
  }

  @Test
  void encodesASummaryAsASingleObject() throws IOException {
    String encoded = adapter.toJson(adapter.fromJson(collectionOf(AZURE_PLAN)));

    assertThat(encoded).startsWith("{\"resourceId\":\"5d2c8f10\"").doesNotContain("\"items\"");
  }
}
