package io.github.pcusage.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.internal.api.UsageSummaryApi;
import io.github.pcusage.internal.api.UtilizationApi;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureUtilizationRecordCollection;
import io.github.pcusage.model.Granularity;
import io.github.pcusage.model.HttpMethod;
import io.github.pcusage.model.SeekOperation;
import io.github.pcusage.model.SubscriptionUsageSummary;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Proxy;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Converter;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The generated Retrofit interfaces, called through a real OkHttp client against MockWebServer on
 * the loopback interface, send the method, path, query and headers the service expects.
 */
class GeneratedRetrofitApiTest {
  /** A continuation token as the service sends it: '+', '%3a' and '%3d' must arrive unchanged. */
  private static final String TOKEN =
      "/opaque/usage-records?tenant=C&subscription=S&continuation_token=eyJvZmZzZXQiOjJ9+a%3a%3d%3d";

  private static final String PAGE =
      json(
          "{'totalCount':1,'items':[{'usageStartTime':'2026-10-01T00:00:00.1234567+02:00',"
              + "'usageEndTime':'2026-10-02T00:00:00+02:00','resource':{'id':'9f0e5c1d','name':'D2s v3'},"
              + "'quantity':24.000000000000000000,'unit':'1 Hour','infoFields':{}}],"
              + "'links':{'self':{'uri':'customers/C1/subscriptions/S1/utilizations/azure','method':'GET','headers':[]},"
              + "'next':{'uri':'customers/C1/subscriptions/S1/utilizations/azure?seek_operation=Next','method':'GET',"
              + "'headers':[{'key':'MS-ContinuationToken','value':'"
              + TOKEN
              + "'}]}},"
              + "'attributes':{'objectType':'Collection'}}");

  private static final String LAST_PAGE =
      json("{'totalCount':0,'items':[],'links':{'self':{'uri':'x'}}}");

  private static final String SUMMARY =
      json(
          "{'resourceId':'S1','resourceName':'Azure plan','billingStartDate':'2026-10-01T00:00:00+00:00',"
              + "'totalCost':120.56829999999959047160,'currencyCode':'EUR','usdTotalCost':131.40000000000000012345}");

  private MockWebServer server;
  private OkHttpClient client;
  private UtilizationApi utilizationApi;
  private UsageSummaryApi usageSummaryApi;

  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** Formats OffsetDateTime query values as ISO-8601 with their offset, seconds always written. */
  static final class IsoOffsetDateTimeConverterFactory extends Converter.Factory {
    @Override
    public Converter<?, String> stringConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      if (type != OffsetDateTime.class) {
        return null;
      }
      return (Converter<OffsetDateTime, String>) DateTimeFormatter.ISO_OFFSET_DATE_TIME::format;
    }
  }

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client =
        new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).callTimeout(10, TimeUnit.SECONDS).build();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(server.url("/v1/"))
            .client(client)
            .addConverterFactory(new IsoOffsetDateTimeConverterFactory())
            .addConverterFactory(MoshiConverterFactory.create(PartnerCenterJson.moshi()))
            .build();
    utilizationApi = retrofit.create(UtilizationApi.class);
    usageSummaryApi = retrofit.create(UsageSummaryApi.class);
  }

  @AfterEach
  void stopServer() throws IOException {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    server.shutdown();
  }

  private RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  private static MockResponse json200(String body) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(body);
  }

  @Test
  void listsUtilizationsWithGetPathQueryAndTrackingHeaders() throws Exception {
    server.enqueue(json200(PAGE));

    utilizationApi
        .listAzureUtilizations(
            "C1",
            "S1",
            OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-7)),
            OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            Granularity.DAILY,
            true,
            1000,
            null,
            "req-1",
            "corr-1",
            "cv-1",
            null)
        .execute();

    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getRequestUrl().encodedPath())
        .isEqualTo("/v1/customers/C1/subscriptions/S1/utilizations/azure");
    assertThat(request.getRequestUrl().queryParameterNames())
        .containsExactly("start_time", "end_time", "granularity", "show_details", "size");
    assertThat(request.getRequestUrl().queryParameter("start_time"))
        .isEqualTo("2026-10-01T00:00:00-07:00");
    assertThat(request.getRequestUrl().queryParameter("end_time"))
        .isEqualTo("2026-11-01T00:00:00Z");
    assertThat(request.getRequestUrl().queryParameter("granularity")).isEqualTo("daily");
    assertThat(request.getRequestUrl().queryParameter("show_details")).isEqualTo("true");
    assertThat(request.getRequestUrl().queryParameter("size")).isEqualTo("1000");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getHeader("ms-requestid")).isEqualTo("req-1");
    assertThat(request.getHeader("ms-correlationid")).isEqualTo("corr-1");
    assertThat(request.getHeader("ms-cv")).isEqualTo("cv-1");
    assertThat(request.getHeader("MS-ContinuationToken")).isNull();
  }

  @Test
  void encodesAPlusOffsetSoThatTheServerDoesNotReadASpace() throws Exception {
    server.enqueue(json200(PAGE));

    utilizationApi
        .listAzureUtilizations(
            "C1",
            "S1",
            OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)),
            OffsetDateTime.of(2026, 10, 2, 0, 0, 0, 500_000_000, ZoneOffset.ofHours(2)),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null)
        .execute();

    RecordedRequest request = takeRequest();
    assertThat(request.getPath()).contains("start_time=2026-10-01T00%3A00%3A00%2B02%3A00");
    assertThat(request.getRequestUrl().queryParameter("start_time"))
        .isEqualTo("2026-10-01T00:00:00+02:00");
    assertThat(request.getRequestUrl().queryParameter("end_time"))
        .isEqualTo("2026-10-02T00:00:00.5+02:00");
  }

  @Test
  void sendsHourlyGranularityWithoutDetailsAndASmallPageSize() throws Exception {
    server.enqueue(json200(PAGE));

    utilizationApi
        .listAzureUtilizations(
            "C1",
            "S1",
            OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            OffsetDateTime.of(2026, 10, 2, 0, 0, 0, 0, ZoneOffset.UTC),
            Granularity.HOURLY,
            false,
            50,
            null,
            null,
            null,
            null,
            null)
        .execute();

    RecordedRequest request = takeRequest();
    assertThat(request.getRequestUrl().queryParameter("granularity")).isEqualTo("hourly");
    assertThat(request.getRequestUrl().queryParameter("show_details")).isEqualTo("false");
    assertThat(request.getRequestUrl().queryParameter("size")).isEqualTo("50");
  }

  @Test
  void leavesOutQueryParametersAndHeadersPassedAsNull() throws Exception {
    server.enqueue(json200(LAST_PAGE));

    utilizationApi
        .listAzureUtilizations(
            "C1", "S1", null, null, null, null, null, null, null, null, null, null)
        .execute();

    RecordedRequest request = takeRequest();
    assertThat(request.getPath()).isEqualTo("/v1/customers/C1/subscriptions/S1/utilizations/azure");
    assertThat(request.getHeaders().names())
        .doesNotContain("ms-requestid", "ms-correlationid", "ms-cv", "MS-ContinuationToken");
  }

  @Test
  void sendsSeekOperationNextWithTheContinuationTokenByteForByte() throws Exception {
    server.enqueue(json200(LAST_PAGE));

    utilizationApi
        .listAzureUtilizations(
            "C1",
            "S1",
            null,
            null,
            null,
            null,
            null,
            SeekOperation.NEXT,
            "req-2",
            "corr-1",
            null,
            TOKEN)
        .execute();

    RecordedRequest request = takeRequest();
    assertThat(request.getPath())
        .isEqualTo("/v1/customers/C1/subscriptions/S1/utilizations/azure?seek_operation=Next");
    assertThat(request.getHeader("MS-ContinuationToken")).isEqualTo(TOKEN);
  }

  @Test
  void decodesThePageBody() throws Exception {
    server.enqueue(json200(PAGE));

    Response<AzureUtilizationRecordCollection> response =
        utilizationApi
            .listAzureUtilizations(
                "C1", "S1", null, null, null, null, null, null, null, null, null, null)
            .execute();

    assertThat(response.code()).isEqualTo(200);
    AzureUtilizationRecordCollection page = response.body();
    assertThat(page.getTotalCount()).isEqualTo(1);
    assertThat(page.getItems())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getQuantity()).isEqualTo(new BigDecimal("24.000000000000000000"));
              assertThat(record.getUsageStartTime())
                  .isEqualTo(
                      OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 123_456_700, ZoneOffset.ofHours(2)));
              assertThat(record.getResource().getName()).isEqualTo("D2s v3");
            });
    assertThat(page.getLinks().getNext().getMethod()).isEqualTo(HttpMethod.GET);
    assertThat(page.getLinks().getNext().getHeaders())
        .singleElement()
        .satisfies(
            header -> {
              assertThat(header.getKey()).isEqualTo("MS-ContinuationToken");
              assertThat(header.getValue()).isEqualTo(TOKEN);
            });
  }

  @Test
  void returnsNoBodyAndTheRetryAfterHeaderOnA204() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204).setHeader("Retry-After", "30"));

    Response<AzureUtilizationRecordCollection> response =
        utilizationApi
            .listAzureUtilizations(
                "C1", "S1", null, null, null, null, null, null, null, null, null, null)
            .execute();

    assertThat(response.code()).isEqualTo(204);
    assertThat(response.body()).isNull();
    assertThat(response.headers().get("Retry-After")).isEqualTo("30");
  }

  @Test
  void followsANextLinkWithItsHeadersByteForByte() throws Exception {
    server.enqueue(json200(LAST_PAGE));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("MS-ContinuationToken", TOKEN);
    headers.put("ms-correlationid", "corr-1");
    headers.put("ms-requestid", "req-3");

    Response<AzureUtilizationRecordCollection> response =
        utilizationApi
            .listAzureUtilizationsNext(
                "customers/C1/subscriptions/S1/utilizations/azure?seek_operation=Next", headers)
            .execute();

    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath())
        .isEqualTo("/v1/customers/C1/subscriptions/S1/utilizations/azure?seek_operation=Next");
    assertThat(request.getHeader("MS-ContinuationToken")).isEqualTo(TOKEN);
    assertThat(request.getHeader("ms-correlationid")).isEqualTo("corr-1");
    assertThat(request.getHeader("ms-requestid")).isEqualTo("req-3");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(response.body().getItems()).isEmpty();
  }

  @Test
  void getsTheUsageSummaryWithGetPathAndTrackingHeaders() throws Exception {
    server.enqueue(json200(SUMMARY));

    usageSummaryApi.getSubscriptionUsageSummary("C1", "S1", "req-4", "corr-4", null).execute();

    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/v1/customers/C1/subscriptions/S1/usagesummary");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getHeader("ms-requestid")).isEqualTo("req-4");
    assertThat(request.getHeader("ms-correlationid")).isEqualTo("corr-4");
    assertThat(request.getHeader("ms-cv")).isNull();
  }

  @Test
  void decodesTheUsageSummaryBodyExactly() throws Exception {
    server.enqueue(json200(SUMMARY));

    SubscriptionUsageSummary summary =
        usageSummaryApi.getSubscriptionUsageSummary("C1", "S1", null, null, null).execute().body();

    assertThat(summary.getTotalCost()).isEqualTo(new BigDecimal("120.56829999999959047160"));
    assertThat(summary.getUsdTotalCost()).isEqualTo(new BigDecimal("131.40000000000000012345"));
    assertThat(summary.getCurrencyCode()).isEqualTo("EUR");
    assertThat(summary.getBillingStartDate())
        .isEqualTo(OffsetDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void decodesAUsageSummaryWrappedInAOneItemCollection() throws Exception {
    server.enqueue(json200("{\"totalCount\":1,\"items\":[" + SUMMARY + "]}"));

    SubscriptionUsageSummary summary =
        usageSummaryApi.getSubscriptionUsageSummary("C1", "S1", null, null, null).execute().body();

    assertThat(summary.getResourceId()).isEqualTo("S1");
    assertThat(summary.getTotalCost()).isEqualTo(new BigDecimal("120.56829999999959047160"));
  }
}
