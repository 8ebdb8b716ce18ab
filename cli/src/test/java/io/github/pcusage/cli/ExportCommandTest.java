package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.Fault;
import io.github.pcusage.sandbox.Faults;
import io.github.pcusage.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} against a fault-free sandbox and one with injected faults: every target once in
 * target-file order with its ids first, the same bytes for {@code --parallel 1} and {@code 4} with
 * and without faults, unfinished targets reported while the others are written, and a {@code
 * --resume} that completes the file. {@link ExportStatusTest} covers the status file, failed
 * targets and edited targets files.
 */
class ExportCommandTest {
  static Sandbox sandbox;
  static Sandbox faulty;
  static List<String[]> pairs = new ArrayList<>();

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    sandbox = Cli.smallSandbox();
    faulty =
        Sandbox.builder()
            .seed(42)
            .customers(2)
            .subscriptionsPerCustomer(2)
            .recordsPerSubscription(60)
            .faults(
                Faults.parse(
                    "429=0.08,500=0.05,503=0.05,204-next=0.08,reset=0.04,truncate=0.04,seed=7,retry-after=0"))
            .start();
    for (String customer : sandbox.customerIds()) {
      for (String subscription : sandbox.subscriptionIds(customer)) {
        pairs.add(new String[] {customer, subscription});
      }
    }
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    faulty.close();
  }

  @Test
  void exportWritesEveryTargetInTargetFileOrderWithItsIdsFirst() throws Exception {
    Path targets = targets(pairs.get(3), pairs.get(0), pairs.get(2), pairs.get(1));
    Path out = tmp.resolve("all.jsonl");

    Cli.Result run = export(sandbox, targets, "--out", out.toString(), "--page-size", "20");

    assertThat(run.code).as(run.toString()).isZero();
    List<String> lines = Files.readAllLines(out);
    List<String> expected = new ArrayList<>();
    for (String[] pair : List.of(pairs.get(3), pairs.get(0), pairs.get(2), pairs.get(1))) {
      String prefix = "{\"customerId\":\"" + pair[0] + "\",\"subscriptionId\":\"" + pair[1] + "\",";
      for (String line : Cli.run(Cli.utilization(sandbox, pair[0], pair[1])).outLines()) {
        expected.add(prefix + line.substring(1));
      }
    }
    assertThat(lines).isEqualTo(expected);
    assertThat(tmp.resolve("all.jsonl.parts")).doesNotExist();
    assertThat(tmp.resolve("all.jsonl.partial")).doesNotExist();
  }

  @Test
  void exportIsTheSameForParallel1And4AndWithFaultsInjected() throws Exception {
    Path targets = targets(pairs.toArray(new String[0][]));
    Cli.Result serial = export(sandbox, targets, "--parallel", "1", "--page-size", "9");
    Cli.Result parallel = export(sandbox, targets, "--parallel", "4", "--page-size", "9");
    long faultsBefore = totalFaults();
    Cli.Result faultyParallel =
        export(
            faulty, targets, "--parallel", "4", "--page-size", "9", "--retry-max-attempts", "12");
    Cli.Result faultySerial =
        export(
            faulty, targets, "--parallel", "1", "--page-size", "9", "--retry-max-attempts", "12");

    assertThat(serial.code).as(serial.toString()).isZero();
    assertThat(serial.outLines()).hasSizeGreaterThan(200);
    assertThat(parallel.stdout).isEqualTo(serial.stdout);
    assertThat(faultyParallel.code).as(faultyParallel.toString()).isZero();
    assertThat(faultyParallel.stdout).isEqualTo(serial.stdout);
    assertThat(faultySerial.stdout).isEqualTo(serial.stdout);
    assertThat(totalFaults() - faultsBefore).isGreaterThan(10);
  }

  @Test
  void csvExportHasTheTargetColumnsFirstAndOneHeader() throws Exception {
    Path targets = targets(pairs.get(0), pairs.get(1));
    Cli.Result run = export(sandbox, targets, "--format", "csv");

    assertThat(run.code).as(run.toString()).isZero();
    List<String> expectedHeader = new ArrayList<>(List.of("customerId", "subscriptionId"));
    expectedHeader.addAll(UtilizationCommandTest.DOCUMENTED_CSV_COLUMNS);
    assertThat(run.outLines().get(0)).isEqualTo(String.join(",", expectedHeader));
    assertThat(run.outLines().stream().filter(l -> l.startsWith("customerId,"))).hasSize(1);
    assertThat(run.outLines().get(1))
        .startsWith(pairs.get(0)[0] + "," + pairs.get(0)[1] + ",2026-");
    assertThat(run.outLines().get(run.outLines().size() - 1))
        .startsWith(pairs.get(1)[0] + "," + pairs.get(1)[1] + ",");
  }

  @Test
  void failedTargetsAreReportedTheOthersWrittenAndResumeCompletesTheFile() throws Exception {
    Path targets = targets(pairs.toArray(new String[0][]));
    Path expected = tmp.resolve("expected.jsonl");
    assertThat(export(sandbox, targets, "--page-size", "10", "--out", expected.toString()).code)
        .isZero();

    String[] broken = pairs.get(1);
    sandbox.scenarios().nextPageFailing(broken[0], broken[1], 2);
    Path out = tmp.resolve("out.jsonl");
    Cli.Result failed =
        export(
            sandbox,
            targets,
            "--page-size",
            "10",
            "--retry-max-attempts",
            "2",
            "--out",
            out.toString());

    assertThat(failed.code).as(failed.toString()).isEqualTo(7);
    String prefix =
        "{\"customerId\":\"" + broken[0] + "\",\"subscriptionId\":\"" + broken[1] + "\",";
    List<String> others = new ArrayList<>(Files.readAllLines(expected));
    others.removeIf(line -> line.startsWith(prefix));
    assertThat(Files.readAllLines(out)).isEqualTo(others);
    assertThat(failed.stderr)
        .contains("1 unfinished of 4 targets")
        .contains("target 2 (" + targets + " line 3, customer " + broken[0])
        .contains("): unfinished: ")
        .contains("HTTP 500")
        .contains("800003")
        .contains("resume point: after 1 page and 10 records")
        .contains(out + ".parts");
    Path checkpoint =
        tmp.resolve("out.jsonl.parts")
            .resolve(ExportParts.key(new Target(broken[0], broken[1], 0)) + ".jsonl.checkpoint");
    assertThat(Files.getPosixFilePermissions(checkpoint)).hasSize(2);

    Cli.Result resumed = Cli.run(Cli.resumeArgs(failed.stderr));

    assertThat(resumed.code).as(resumed.toString()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
    assertThat(tmp.resolve("out.jsonl.parts")).doesNotExist();
  }

  @Test
  void resumeOfAPartsDirectoryKilledBeforeItsManifestWasWrittenStartsTheExport() throws Exception {
    Path targets = targets(pairs.get(0), pairs.get(1));
    Path expected = tmp.resolve("expected.jsonl");
    assertThat(export(sandbox, targets, "--out", expected.toString()).code).isZero();
    Path out = tmp.resolve("out.jsonl");
    Files.createDirectory(tmp.resolve("out.jsonl.parts"));

    Cli.Result resumed = export(sandbox, targets, "--out", out.toString(), "--resume");

    assertThat(resumed.code).as(resumed.toString()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
    assertThat(tmp.resolve("out.jsonl.parts")).doesNotExist();
  }

  @Test
  void aTargetThatFailsWithoutOutIsReportedAndTheRestStreamed() throws Exception {
    Path targets = targets(pairs.get(0), new String[] {"scenario-forbidden", "x"}, pairs.get(1));
    Cli.Result run = export(sandbox, targets);

    assertThat(run.code).as(run.toString()).isEqualTo(5);
    assertThat(run.outLines()).isNotEmpty().noneMatch(l -> l.contains("scenario-forbidden"));
    assertThat(run.stderr)
        .contains("HTTP 403")
        .contains("resume point: from its first page (not saved");
  }

  @Test
  void targetsFileErrorsNameTheLine() throws Exception {
    Path duplicate =
        Files.writeString(
            tmp.resolve("dup.csv"), "customer,subscription\n# comment\n\na,b\nc,d\na,b\n");
    Path empty = Files.writeString(tmp.resolve("empty.csv"), "customer,subscription\n");
    Path badId = Files.writeString(tmp.resolve("bad.csv"), "customer,subscription\na,b/c\n");

    Cli.Result dup = export(sandbox, duplicate);
    Cli.Result none = export(sandbox, empty);
    Cli.Result bad = export(sandbox, badId);

    assertThat(dup.code).isEqualTo(2);
    assertThat(dup.errLines())
        .singleElement()
        .asString()
        .contains("line 6 repeats")
        .contains("line 4");
    assertThat(none.code).isEqualTo(2);
    assertThat(none.errLines()).singleElement().asString().contains("lists no targets");
    assertThat(bad.code).isEqualTo(2);
    assertThat(bad.errLines())
        .singleElement()
        .asString()
        .contains("line 2")
        .contains("--subscription");
  }

  @Test
  void exportRunsAgainstTheEmbeddedSandbox() throws Exception {
    Path targets =
        targets(
            new String[] {
              "d5c78f49-92fc-36ae-acf1-b5cc3aaa9dbd", "1c35c894-4536-3e46-92fe-d09c431d6e81"
            },
            new String[] {
              "d5c78f49-92fc-36ae-acf1-b5cc3aaa9dbd", "839bd8ac-d7db-3ce2-aa5a-f0b00c0813d4"
            });
    Cli.Result run =
        Cli.run(
            java.util.Map.of(),
            "export",
            "--sandbox",
            "--targets",
            targets.toString(),
            "--start",
            "2026-10-01",
            "--end",
            "2026-11-01",
            "--format",
            "csv",
            "--quiet");

    assertThat(run.code).as(run.toString()).isZero();
    assertThat(run.outLines()).hasSizeGreaterThan(4000);
    assertThat(run.outLines().get(run.outLines().size() - 1))
        .startsWith("d5c78f49-92fc-36ae-acf1-b5cc3aaa9dbd,839bd8ac-d7db-3ce2-aa5a-f0b00c0813d4,");
    assertThat(run.stderr).isEmpty();
  }

  @Test
  void parallelOutOfRangeIsAUsageError() throws Exception {
    Cli.Result run = export(sandbox, targets(pairs.get(0)), "--parallel", "0");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("--parallel");
  }

  private Cli.Result export(Sandbox target, Path targets, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "export",
                "--base-url",
                target.baseUrl(),
                "--targets",
                targets.toString(),
                "--start",
                "2026-10-01",
                "--end",
                "2026-11-01",
                "--retry-max-wait",
                "0"));
    args.addAll(Arrays.asList(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  private Path targets(String[]... rows) throws Exception {
    StringBuilder text = new StringBuilder("customer,subscription\n");
    for (String[] row : rows) {
      text.append(row[0]).append(',').append(row[1]).append('\n');
    }
    return Files.writeString(Files.createTempFile(tmp, "targets", ".csv"), text);
  }

  private static long totalFaults() {
    long total = 0;
    for (Fault fault : Fault.values()) {
      total += faulty.faultCounters().count(fault);
    }
    return total;
  }
}
