package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format csv-excel} against the lossless {@code csv} of the same listing: a UTF-8 BOM,
 * CRLF, the {@code --csv-delimiter}, UTC times as {@code yyyy-MM-dd HH:mm:ss}, the same plain
 * decimal quantities, maps as {@code key=value; ...}; one BOM for a whole export.
 */
class CsvExcelTest {
  @RegisterExtension static final SandboxExtension sandbox = Cli.smallSandboxExtension();

  private static final DateTimeFormatter EXCEL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final JsonAdapter<Map<String, String>> MAP =
      PartnerCenterJson.moshi()
          .adapter(Types.newParameterizedType(Map.class, String.class, String.class));

  static String customer;
  static String subscription;

  @TempDir Path tmp;

  @BeforeAll
  static void ids() {
    customer = sandbox.customerIds().get(0);
    subscription = sandbox.subscriptionIds(customer).get(0);
  }

  @Test
  void csvExcelHasABomCrlfTheDelimiterUtcTimesAndKeyValueMapsOfTheSameRecords() throws Exception {
    Cli.Result csv = Cli.run(Cli.utilization(sandbox, customer, subscription, "--format", "csv"));
    Cli.Result excel =
        Cli.run(
            Cli.utilization(
                sandbox, customer, subscription, "--format", "csv-excel", "--csv-delimiter", ";"));

    assertThat(excel.code).as(excel.toString()).isZero();
    byte[] bytes = excel.stdout;
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n").doesNotContain("\uFEFF");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n");
    List<CSVRecord> plain = parse(csv.out(), ',');
    List<CSVRecord> sheet = parse(text, ';');
    assertThat(sheet.get(0).values()).containsExactly(plain.get(0).values());
    assertThat(sheet).hasSameSizeAs(plain).hasSizeGreaterThan(10);
    int withTags = 0;
    for (int i = 1; i < plain.size(); i++) {
      CSVRecord p = plain.get(i);
      CSVRecord s = sheet.get(i);
      assertThat(s.get(0))
          .isEqualTo(utc(p.get(0)))
          .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
      assertThat(s.get(1)).isEqualTo(utc(p.get(1)));
      assertThat(s.get(7)).as("quantity").isEqualTo(p.get(7)).doesNotContain("E");
      for (int column : new int[] {13, 14, 15}) {
        assertThat(s.get(column)).isEqualTo(keyValues(p.get(column)));
      }
      withTags += p.get(13).length() > 2 ? 1 : 0;
    }
    assertThat(withTags).as("records with tags").isPositive();
  }

  @Test
  void anExcelExportHasOneBomAndTheDefaultCommaDelimiter() throws Exception {
    String other = sandbox.subscriptionIds(customer).get(1);
    Path targets =
        Files.writeString(
            tmp.resolve("targets.csv"),
            "customer,subscription\n"
                + customer
                + ","
                + subscription
                + "\n"
                + customer
                + ","
                + other
                + "\n");
    Path out = tmp.resolve("all.csv");

    Cli.Result run =
        Cli.run(
            "export",
            "--base-url",
            sandbox.baseUrl(),
            "--targets",
            targets.toString(),
            "--start",
            "2026-10-01",
            "--end",
            "2026-11-01",
            "--format",
            "csv-excel",
            "--out",
            out.toString());

    assertThat(run.code).as(run.toString()).isZero();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFcustomerId,subscriptionId,usageStartTime,");
    assertThat(text.indexOf('\uFEFF', 1)).isEqualTo(-1);
    List<CSVRecord> rows = parse(text.substring(1), ',');
    assertThat(rows.get(rows.size() - 1).get(1)).isEqualTo(other);
    assertThat(rows.get(1).get(2)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
  }

  @Test
  void theDelimiterIsCommaOrSemicolonAndOnlyForCsvExcel() {
    Cli.Result pipe =
        Cli.run(
            Cli.utilization(
                sandbox, customer, subscription, "--format", "csv-excel", "--csv-delimiter", "|"));
    Cli.Result plain =
        Cli.run(
            Cli.utilization(
                sandbox, customer, subscription, "--format", "csv", "--csv-delimiter", ";"));
    Cli.Result help = Cli.run("utilization", "--help");

    assertThat(pipe.code).isEqualTo(2);
    assertThat(pipe.errLines())
        .singleElement()
        .asString()
        .contains("--csv-delimiter must be , or ;");
    assertThat(plain.code).isEqualTo(2);
    assertThat(plain.errLines()).singleElement().asString().contains("csv-excel only");
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("csv-excel")
        .contains("15 significant digits")
        .contains("--csv-delimiter");
  }

  private static String utc(String isoTime) {
    return EXCEL_TIME.format(OffsetDateTime.parse(isoTime).withOffsetSameInstant(ZoneOffset.UTC));
  }

  private static String keyValues(String json) throws IOException {
    if (json.isEmpty()) {
      return "";
    }
    StringJoiner text = new StringJoiner("; ");
    MAP.fromJson(json).forEach((k, v) -> text.add(k + "=" + (v == null ? "" : v)));
    return text.toString();
  }

  private static List<CSVRecord> parse(String text, char delimiter) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }
}
