package io.github.pcusage.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.github.pcusage.model.AzureInstanceData;
import io.github.pcusage.model.AzureUtilizationRecord;
import io.github.pcusage.model.AzureUtilizationRecordCollection;
import io.github.pcusage.model.HttpMethod;
import io.github.pcusage.model.Link;
import io.github.pcusage.model.PartnerCenterError;
import io.github.pcusage.model.SubscriptionUsageSummary;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each payload that the real service has sent, as described in partner-center-api.md, decodes. */
class TrickyPayloadsTest {
  private final JsonAdapter<AzureUtilizationRecordCollection> pageAdapter =
      PartnerCenterJson.adapter(AzureUtilizationRecordCollection.class);
  private final JsonAdapter<AzureUtilizationRecord> recordAdapter =
      PartnerCenterJson.adapter(AzureUtilizationRecord.class);

  /** JSON written with single quotes, for readability. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A record with the given instanceData member (or none when {@code instanceData} is null). */
  private static String record(String instanceData) {
    return json(
        "{'usageStartTime':'2026-10-01T00:00:00-07:00','usageEndTime':'2026-10-02T00:00:00-07:00',"
            + "'resource':{'id':'3b1c0d52','name':'Standard IO - Block Blob','category':'Storage'},"
            + "'quantity':1.5,'unit':'1 GB/Month','infoFields':{}"
            + (instanceData == null ? "" : ",'instanceData':" + json(instanceData))
            + ",'attributes':{'objectType':'AzureUtilizationRecord'}}");
  }

  private AzureInstanceData instanceData(String instanceData) throws IOException {
    return recordAdapter.fromJson(record(instanceData)).getInstanceData();
  }

  @Test
  void decodesTagsSentAsEmptyStringAsAnEmptyMap() throws IOException {
    AzureInstanceData data = instanceData("{'resourceUri':'/subscriptions/s','tags':''}");

    assertThat(data.getTags()).isEmpty();
  }

  @Test
  void decodesTagsSentAsAJsonStringWrappingAnObject() throws IOException {
    AzureInstanceData data =
        instanceData(
            "{'resourceUri':'/subscriptions/s','tags':'{\\'costCenter\\':\\'42\\',\\'env\\':\\'prod\\'}'}");

    assertThat(data.getTags())
        .containsExactly(Map.entry("costCenter", "42"), Map.entry("env", "prod"));
  }

  @Test
  void decodesAdditionalInfoSentAsAJsonString() throws IOException {
    AzureInstanceData data =
        instanceData(
            "{'resourceUri':'/subscriptions/s','additionalInfo':'{\\'ImageType\\':\\'Canonical\\'}'}");

    assertThat(data.getAdditionalInfo()).containsExactly(Map.entry("ImageType", "Canonical"));
  }

  @Test
  void keepsNumbersInsideAdditionalInfoAsTheirExactText() throws IOException {
    AzureInstanceData data =
        instanceData(
            "{'resourceUri':'/subscriptions/s','additionalInfo':"
                + "{'VCPUs':2,'UsageHours':24.000000000000000000,'Ratio':0.027483999999999993,'Big':1E+3,'Spot':true}}");

    assertThat(data.getAdditionalInfo())
        .containsExactly(
            Map.entry("VCPUs", "2"),
            Map.entry("UsageHours", "24.000000000000000000"),
            Map.entry("Ratio", "0.027483999999999993"),
            Map.entry("Big", "1E+3"),
            Map.entry("Spot", "true"));
  }

  @Test
  void decodesARecordWithoutInstanceDataAsNull() throws IOException {
    AzureUtilizationRecord record = recordAdapter.fromJson(record(null));

    assertThat(record.getInstanceData()).isNull();
    assertThat(record.getResource().getId()).isEqualTo("3b1c0d52");
  }

  @Test
  void decodesInstanceDataSentAsAJsonStringWrappingTheObject() throws IOException {
    AzureUtilizationRecord record =
        recordAdapter.fromJson(
            record(
                "'{\\'resourceUri\\':\\'/subscriptions/s/rg\\',\\'location\\':\\'westeurope\\',\\'tags\\':{\\'a\\':\\'b\\'}}'"));

    assertThat(record.getInstanceData().getResourceUri()).isEqualTo("/subscriptions/s/rg");
    assertThat(record.getInstanceData().getLocation()).isEqualTo("westeurope");
    assertThat(record.getInstanceData().getTags()).containsExactly(Map.entry("a", "b"));
  }

  @Test
  void decodesInstanceDataSentAsAnEmptyStringAsNull() throws IOException {
    AzureUtilizationRecord record = recordAdapter.fromJson(record("''"));

    assertThat(record.getInstanceData()).isNull();
  }

  @Test
  void reportsInstanceDataSentAsAStringThatIsNotJsonWithItsPath() {
    String payload = json("{'totalCount':1,'items':[") + record("'westeurope'") + "]}";

    assertThatThrownBy(() -> pageAdapter.fromJson(payload))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.items[0].instanceData");
  }

  @Test
  void keepsEmptyPartNumberAndOrderNumberAsEmptyStrings() throws IOException {
    AzureInstanceData data =
        instanceData("{'resourceUri':'/subscriptions/s','partNumber':'','orderNumber':''}");

    assertThat(data.getPartNumber()).isEmpty();
    assertThat(data.getOrderNumber()).isEmpty();
  }

  @Test
  void keepsSevenDigitFractionsAndNonUtcOffsets() throws IOException {
    String payload =
        record(null).replace("2026-10-01T00:00:00-07:00", "2026-10-01T00:00:00.1234567+05:30");

    AzureUtilizationRecord record = recordAdapter.fromJson(payload);

    assertThat(record.getUsageStartTime())
        .isEqualTo(
            OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 123_456_700, ZoneOffset.ofHoursMinutes(5, 30)));
    assertThat(record.getUsageEndTime().getOffset()).isEqualTo(ZoneOffset.ofHours(-7));
    assertThat(recordAdapter.toJson(record))
        .contains("\"usageStartTime\":\"2026-10-01T00:00:00.1234567+05:30\"")
        .contains("\"usageEndTime\":\"2026-10-02T00:00:00-07:00\"");
  }

  @Test
  void keepsAQuantityOf0_027483999999999993ExactlyAndReencodesItDigitForDigit() throws IOException {
    AzureUtilizationRecord record =
        recordAdapter.fromJson(
            record(null).replace("\"quantity\":1.5", "\"quantity\":0.027483999999999993"));

    assertThat(record.getQuantity()).isEqualTo(new BigDecimal("0.027483999999999993"));
    assertThat(recordAdapter.toJson(record)).contains("\"quantity\":0.027483999999999993");
  }

  @Test
  void keepsTrailingZerosOfAQuantity() throws IOException {
    AzureUtilizationRecord record =
        recordAdapter.fromJson(
            record(null).replace("\"quantity\":1.5", "\"quantity\":24.000000000000000000"));

    assertThat(record.getQuantity().scale()).isEqualTo(18);
    assertThat(recordAdapter.toJson(record)).contains("\"quantity\":24.000000000000000000");
  }

  @Test
  void keepsTwentyDigitMoneyExactlyAndReencodesItDigitForDigit() throws IOException {
    JsonAdapter<SubscriptionUsageSummary> adapter =
        PartnerCenterJson.adapter(SubscriptionUsageSummary.class);

    SubscriptionUsageSummary summary =
        adapter.fromJson(
            json(
                "{'totalCost':120.56829999999959047160,'usdTotalCost':131.40000000000000012345,'currencyCode':'EUR'}"));

    assertThat(summary.getTotalCost()).isEqualTo(new BigDecimal("120.56829999999959047160"));
    assertThat(summary.getUsdTotalCost()).isEqualTo(new BigDecimal("131.40000000000000012345"));
    assertThat(adapter.toJson(summary))
        .contains("\"totalCost\":120.56829999999959047160")
        .contains("\"usdTotalCost\":131.40000000000000012345");
  }

  @Test
  void ignoresUnknownFieldsIncludingNestedObjectsAndArrays() throws IOException {
    String payload =
        json(
            "{'totalCount':1,'futureFlag':true,'futureObject':{'a':{'b':[1,{'c':null}]}},'items':["
                + record("{'resourceUri':'/s','futureList':[{'x':1},[2,3]],'futureNumber':1e400}")
                    .replace("\"unit\"", "\"futureArray\":[[],{}],\"unit\"")
                + "],'futureTail':[{'d':'e'}]}");

    AzureUtilizationRecordCollection page = pageAdapter.fromJson(payload);

    assertThat(page.getTotalCount()).isEqualTo(1);
    assertThat(page.getItems())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getUnit()).isEqualTo("1 GB/Month");
              assertThat(record.getInstanceData().getResourceUri()).isEqualTo("/s");
            });
  }

  @Test
  void decodesAnUnknownLinkMethodAsUnknownWithoutFailingThePage() throws IOException {
    String payload =
        json(
            "{'totalCount':1,'items':["
                + record(null)
                + "],'links':{"
                + "'self':{'uri':'customers/C/subscriptions/S/utilizations/azure','method':'FETCH','headers':[]},"
                + "'next':{'uri':'customers/C/subscriptions/S/utilizations/azure?seek_operation=Next','method':'GET',"
                + "'headers':[{'key':'MS-ContinuationToken','value':'t'}]}}}");

    AzureUtilizationRecordCollection page = pageAdapter.fromJson(payload);

    assertThat(page.getLinks().getSelf().getMethod()).isEqualTo(HttpMethod.UNKNOWN);
    assertThat(page.getLinks().getNext().getMethod()).isEqualTo(HttpMethod.GET);
    assertThat(page.getItems()).hasSize(1);
  }

  @Test
  void decodesALinkMethodInAnotherCase() throws IOException {
    Link link =
        PartnerCenterJson.<Link>adapter(Link.class).fromJson(json("{'uri':'x','method':'get'}"));

    assertThat(link.getMethod()).isEqualTo(HttpMethod.GET);
  }

  @Test
  void keepsAResourceUriThatIsNotAValidUri() throws IOException {
    String notAUri =
        "/subscriptions/s/resourceGroups/rg with spaces/providers/Microsoft.Web/sites/a|b%zz{}";

    AzureInstanceData data = instanceData("{'resourceUri':'" + notAUri + "'}");

    assertThat(data.getResourceUri()).isEqualTo(notAUri);
  }

  @Test
  void decodesAPageWhoseNextLinkIsNull() throws IOException {
    String payload =
        json(
            "{'totalCount':1,'items':["
                + record(null)
                + "],'links':{'self':{'uri':'customers/C/subscriptions/S/"
                + "utilizations/azure','method':'GET','headers':[]},'next':null},'attributes':{'objectType':'Collection'}}");

    AzureUtilizationRecordCollection page = pageAdapter.fromJson(payload);

    assertThat(page.getLinks().getNext()).isNull();
    assertThat(page.getLinks().getSelf().getUri())
        .isEqualTo("customers/C/subscriptions/S/utilizations/azure");
  }

  @Test
  void decodesAnEmptyPage() throws IOException {
    AzureUtilizationRecordCollection page =
        pageAdapter.fromJson(json("{'totalCount':0,'items':[]}"));

    assertThat(page.getItems()).isEmpty();
  }

  @Test
  void decodesAnErrorCodeSentAsANumber() throws IOException {
    PartnerCenterError error =
        PartnerCenterJson.<PartnerCenterError>adapter(PartnerCenterError.class)
            .fromJson(
                json(
                    "{'code':20003,'description':'Subscription not found.','data':[],'source':'PartnerFD'}"));

    assertThat(error.getCode()).isEqualTo("20003");
    assertThat(error.getDescription()).isEqualTo("Subscription not found.");
    assertThat(error.getSource()).isEqualTo("PartnerFD");
  }

  @Test
  void decodesAnErrorCodeSentAsAString() throws IOException {
    PartnerCenterError error =
        PartnerCenterJson.<PartnerCenterError>adapter(PartnerCenterError.class)
            .fromJson(
                json(
                    "{'code':'800002','description':'An unexpected service error occurred.','errorName':'InternalError',"
                        + "'isRetryable':true,'parameters':{'p':'v'},'errorMessageExtended':'more'}"));

    assertThat(error.getCode()).isEqualTo("800002");
    assertThat(error.getIsRetryable()).isTrue();
    assertThat(error.getErrorName()).isEqualTo("InternalError");
    assertThat(error.getErrorMessageExtended()).isEqualTo("more");
  }

  @Test
  void reportsAMissingRequiredFieldWithTheJsonPathOfItsRecord() {
    String withoutQuantity = record(null).replace("\"quantity\":1.5,", "");
    String payload =
        json("{'totalCount':2,'items':[") + record(null) + "," + withoutQuantity + "]}";

    assertThatThrownBy(() -> pageAdapter.fromJson(payload))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("quantity")
        .hasMessageContaining("$.items[1]")
        .hasMessageNotContaining("$.items[2]");
  }

  @Test
  void reportsAWrongTypeWithTheJsonPathOfTheField() {
    String payload =
        json("{'totalCount':1,'items':[")
            + record(null).replace("\"quantity\":1.5", "\"quantity\":\"abc\"")
            + "]}";

    assertThatThrownBy(() -> pageAdapter.fromJson(payload))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'abc'")
        .hasMessageContaining("$.items[0].quantity");
  }

  @Test
  void reportsADateTimeWithoutAnyDateWithTheJsonPathOfTheField() {
    String payload =
        json("{'totalCount':1,'items':[")
            + record(null).replace("2026-10-01T00:00:00-07:00", "yesterday")
            + "]}";

    assertThatThrownBy(() -> pageAdapter.fromJson(payload))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.items[0].usageStartTime");
  }
}
