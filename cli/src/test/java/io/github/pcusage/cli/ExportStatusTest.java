package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports that one target cannot block: {@code FILE.status.csv} with every target's status, a
 * target refused with a 4xx is {@code failed} (exit 5, every other target written) and {@code
 * --resume} retries it only with {@code --retry-failed}, an {@code unfinished} one exits 7 and
 * {@code --resume} completes it, and {@code --resume} follows an edited targets file. Against a
 * sandbox per test (its scenario ids make the failing targets).
 */
class ExportStatusTest {
  @RegisterExtension final SandboxExtension sandbox = Cli.smallSandboxExtension();

  @TempDir Path tmp;

  String[] a;
  String[] b;
  String[] c;

  @BeforeEach
  void pairs() {
    String first = sandbox.customerIds().get(0);
    String second = sandbox.customerIds().get(1);
    a = new String[] {first, sandbox.subscriptionIds(first).get(0)};
    b = new String[] {second, sandbox.subscriptionIds(second).get(1)};
    c = new String[] {first, sandbox.subscriptionIds(first).get(1)};
  }

  @Test
  void aRefusedTargetIsFailedInTheStatusFileAndTheOthersAreWrittenWithExit5() throws Exception {
    String[] notFound = {"scenario-not-found", b[1]};
    byte[] expected = reference(a, b);
    Path out = tmp.resolve("out.jsonl");

    Cli.Result run = export(targets(a, notFound, b), out);

    assertThat(run.code).as(run.toString()).isEqualTo(5);
    assertThat(Files.readAllBytes(out)).isEqualTo(expected);
    List<CSVRecord> rows = status(out);
    assertThat(rows).extracting(r -> r.get("customer")).containsExactly(a[0], notFound[0], b[0]);
    assertThat(rows)
        .extracting(r -> r.get("status"))
        .containsExactly("complete", "failed", "complete");
    assertThat(rows.get(0).get("records")).isNotEqualTo("0");
    assertThat(rows.get(0).get("pages")).isEqualTo("1");
    assertThat(rows.get(0).get("http_status")).isEmpty();
    CSVRecord failed = rows.get(1);
    assertThat(failed.get("http_status")).isEqualTo("404");
    assertThat(failed.get("error_code")).isNotEmpty();
    assertThat(failed.get("request_id")).isNotEmpty();
    assertThat(run.stderr)
        .contains("1 failed of 3 targets; the other 2 are written to " + out)
        .contains(ExportStatusFile.of(out).toString())
        .contains("--resume --retry-failed")
        .doesNotContain("resume the unfinished");
    assertThat(tmp.resolve("out.jsonl.parts")).isDirectory();
  }

  @Test
  void resumeSkipsAFailedTargetAndRetriesItOnlyWithRetryFailed() throws Exception {
    Path out = tmp.resolve("out.jsonl");
    Path targets = targets(a, new String[] {"scenario-bad-request", b[1]}, b);
    assertThat(export(targets, out).code).isEqualTo(5);
    byte[] written = Files.readAllBytes(out);

    long before = sandbox.requestCount();
    Cli.Result resumed = export(targets, out, "--resume");
    long afterResume = sandbox.requestCount();
    Cli.Result retried = export(targets, out, "--resume", "--retry-failed");
    long afterRetry = sandbox.requestCount();
    Cli.Result alone = export(targets, out, "--retry-failed");

    assertThat(resumed.code).as(resumed.toString()).isEqualTo(5);
    assertThat(afterResume - before)
        .as("no request: parts reused, the failed target skipped")
        .isZero();
    assertThat(resumed.stderr)
        .contains("failed in an earlier run, not retried")
        .contains("HTTP 400");
    assertThat(Files.readAllBytes(out)).isEqualTo(written);
    assertThat(retried.code).as(retried.toString()).isEqualTo(5);
    assertThat(afterRetry - afterResume).as("the failed target alone is asked again").isEqualTo(1);
    assertThat(retried.stderr).contains("): failed: ").doesNotContain("earlier run");
    assertThat(alone.code).isEqualTo(2);
    assertThat(alone.errLines())
        .singleElement()
        .asString()
        .contains("--retry-failed needs --resume");
  }

  @Test
  void anUnfinishedTargetExitsWith7AndThePrintedResumeCompletesTheExport() throws Exception {
    String[] unavailable = {"scenario-unavailable-1", b[1]};
    Path targets = targets(a, unavailable, b);
    Path out = tmp.resolve("out.jsonl");

    Cli.Result first = export(targets, out);
    List<CSVRecord> rows = status(out);
    Cli.Result resumed = Cli.run(Cli.resumeArgs(first.stderr));

    assertThat(first.code).as(first.toString()).isEqualTo(7);
    assertThat(rows)
        .extracting(r -> r.get("status"))
        .containsExactly("complete", "unfinished", "complete");
    assertThat(rows.get(1).get("http_status")).isEqualTo("503");
    assertThat(first.stderr)
        .contains("1 unfinished of 3 targets")
        .contains("resume the unfinished targets with:")
        .doesNotContain("--retry-failed");
    assertThat(resumed.code).as(resumed.toString()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(reference(a, unavailable, b));
    assertThat(status(out)).extracting(r -> r.get("status")).containsOnly("complete");
    assertThat(tmp.resolve("out.jsonl.parts")).doesNotExist();
  }

  @Test
  void resumeWithAnEditedTargetsFileReusesTheKeptPartsFetchesAddedPairsAndDropsRemovedOnes()
      throws Exception {
    Path targets = targets(a, new String[] {"scenario-unavailable-1", b[1]}, b);
    Path out = tmp.resolve("out.jsonl");
    assertThat(export(targets, out).code).isEqualTo(7);
    byte[] expected = reference(b, c, a);
    Files.writeString(targets, csv(b, c, a)); // one removed, one added, reordered

    long before = sandbox.requestCount();
    Cli.Result resumed = export(targets, out, "--resume");

    assertThat(resumed.code).as(resumed.toString()).isZero();
    assertThat(sandbox.requestCount() - before).as("only the added pair is listed").isEqualTo(1);
    assertThat(resumed.stderr).contains("changed since the export started: 1 added, 1 removed");
    assertThat(Files.readAllBytes(out)).isEqualTo(expected);
    assertThat(status(out)).extracting(r -> r.get("customer")).containsExactly(b[0], c[0], a[0]);
    assertThat(status(out)).extracting(r -> r.get("status")).containsOnly("complete");
    assertThat(tmp.resolve("out.jsonl.parts")).doesNotExist();
  }

  @Test
  void resumeWithAnotherWindowIsRefused() throws Exception {
    Path targets = targets(a, new String[] {"scenario-unavailable-1", b[1]});
    Path out = tmp.resolve("out.jsonl");
    assertThat(export(targets, out).code).isEqualTo(7);

    Cli.Result other = export(targets, out, "--resume", "--granularity", "hourly");

    assertThat(other.code).isEqualTo(2);
    assertThat(other.errLines()).singleElement().asString().contains("belongs to another export");
  }

  @Test
  void finishedFilesGetTheUmasksPermissionsWhilePartsAndCheckpointsStayPrivate() throws Exception {
    Path probe = Files.createFile(tmp.resolve("probe"));
    Path out = tmp.resolve("out.jsonl");
    Path listing = tmp.resolve("listing.csv");

    Cli.Result exported = export(targets(a, new String[] {"scenario-unavailable-1", b[1]}), out);
    Path checkpoint =
        tmp.resolve("out.jsonl.parts")
            .resolve(
                ExportParts.key(new Target("scenario-unavailable-1", b[1], 0))
                    + ".jsonl.checkpoint");
    String checkpointMode = mode(checkpoint);
    Cli.Result resumed = Cli.run(Cli.resumeArgs(exported.stderr));
    Cli.Result listed =
        Cli.run(
            Cli.utilization(sandbox, a[0], a[1], "--format", "csv", "--out", listing.toString()));

    assertThat(resumed.code).as(resumed.toString()).isZero();
    assertThat(listed.code).as(listed.toString()).isZero();
    assertThat(checkpointMode).isEqualTo("rw-------");
    assertThat(mode(out)).isEqualTo(mode(probe));
    assertThat(mode(ExportStatusFile.of(out))).isEqualTo(mode(probe));
    assertThat(mode(listing)).isEqualTo(mode(probe));
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "probe", "out.jsonl", "out.jsonl.status.csv", "listing.csv", "targets.csv");
    }
  }

  private static String mode(Path file) throws IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(file));
  }

  /**
   * The bytes of a fault-free export of {@code pairs} (scenario pairs: once their faults passed).
   */
  private byte[] reference(String[]... pairs) throws Exception {
    Path file = Files.createTempFile(tmp, "reference", ".jsonl");
    Files.delete(file);
    Path targets = Files.writeString(Files.createTempFile(tmp, "reference", ".csv"), csv(pairs));
    Cli.Result run = export(targets, file);
    assertThat(run.code).as(run.toString()).isZero();
    byte[] bytes = Files.readAllBytes(file);
    Files.delete(file);
    Files.delete(targets);
    Files.deleteIfExists(ExportStatusFile.of(file));
    return bytes;
  }

  private static List<CSVRecord> status(Path out) throws IOException {
    String text = Files.readString(ExportStatusFile.of(out), StandardCharsets.UTF_8);
    assertThat(text).startsWith(String.join(",", ExportStatusFile.COLUMNS) + "\n");
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text))
        .getRecords();
  }

  private Cli.Result export(Path targets, Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "export",
                "--base-url",
                sandbox.baseUrl(),
                "--targets",
                targets.toString(),
                "--start",
                "2026-10-01",
                "--end",
                "2026-11-01",
                "--retry-max-wait",
                "0",
                "--retry-max-attempts",
                "1",
                "--out",
                out.toString()));
    args.addAll(Arrays.asList(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  private Path targets(String[]... pairs) throws IOException {
    return Files.writeString(tmp.resolve("targets.csv"), csv(pairs));
  }

  private static String csv(String[]... pairs) {
    StringBuilder text = new StringBuilder("customer,subscription\n");
    for (String[] pair : pairs) {
      text.append(pair[0]).append(',').append(pair[1]).append('\n');
    }
    return text.toString();
  }
}
