package io.github.pcusage.cli.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input exits 2 with one line naming the option, before any request (the sandbox counts none)
 * and without writing an output.
 */
class EstimateInputTest {
  @RegisterExtension
  static final SandboxExtension SANDBOX =
      SandboxExtension.builder()
          .customers(1)
          .subscriptionsPerCustomer(1)
          .recordsPerSubscription(10)
          .build();

  @TempDir Path tmp;

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("--start", List.of("--start", "2026-10-01T12:00:00Z")),
        Arguments.of("--end", List.of("--end", "2026-11-01T00:00:00+02:00")),
        Arguments.of("--start", List.of("--start", "2026-11-01", "--end", "2026-10-01")),
        Arguments.of("--currency", List.of("--currency", "EURO")),
        Arguments.of("--currency", List.of("--currency", "XYZ")),
        Arguments.of("--region", List.of("--region", "D")),
        Arguments.of("--region", List.of("--region", "QQ")),
        Arguments.of("--markup", List.of("--markup", "lots")),
        Arguments.of("--markup", List.of("--markup", "-5%")),
        Arguments.of("--parallel", List.of("--parallel", "0")),
        Arguments.of("--resume", List.of("--resume")));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badInput")
  void badOptionsExit2NamingTheOptionBeforeAnyRequest(String option, List<String> extra) {
    Path dir = tmp.resolve("out");
    assertUsageError(dir, option, args(dir, extra));
  }

  @Test
  void anOutDirThatIsAFileExits2() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertUsageError(file, "--out-dir", args(file, List.of()));
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void anOutDirThatCannotBeWrittenExits2() {
    Path dir = Path.of("/proc/pcusage-estimate-test");
    EstimateCli.Result run = run(args(dir, List.of()));
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("--out-dir");
  }

  @Test
  void aTargetsFileWithBadRowsExits2NamingTheLine() throws Exception {
    String customer = SANDBOX.customerIds().get(0);
    Path empty =
        Files.writeString(tmp.resolve("empty.csv"), "customer,subscription\n" + customer + ",\n");
    Path malformed =
        Files.writeString(tmp.resolve("bad.csv"), "customer,subscription\n" + customer + ",a/b\n");
    for (Path targets : List.of(empty, malformed)) {
      Path dir = tmp.resolve("out-" + targets.getFileName());
      EstimateCli.Result run =
          assertUsageError(dir, "--targets", args(dir, List.of("--targets", targets.toString())));
      assertThat(run.err()).contains("line 2");
    }
  }

  @Test
  void aSecondRunIntoAFinishedEstimateIsRefused() throws Exception {
    Path dir = tmp.resolve("done");
    EstimateCli.Result first = run(args(dir, List.of()));
    assertThat(first.code()).as(first.toString()).isZero();
    byte[] lines = Files.readAllBytes(dir.resolve("lines.csv"));
    assertUsageError(dir, "--out-dir", args(dir, List.of()));
    assertThat(dir.resolve("lines.csv")).hasBinaryContent(lines);
  }

  private EstimateCli.Result assertUsageError(Path dir, String option, String[] args) {
    long before = SANDBOX.requestCount();
    EstimateCli.Result run = run(args);
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains(option);
    assertThat(SANDBOX.requestCount()).isEqualTo(before);
    if (Files.isDirectory(dir) && !dir.getFileName().toString().equals("done")) {
      assertThat(dir.resolve("lines.csv")).doesNotExist();
    }
    return run;
  }

  private static EstimateCli.Result run(String[] args) {
    return EstimateCli.run(args);
  }

  private static String[] args(Path dir, List<String> extra) {
    List<String> args =
        new ArrayList<>(Arrays.asList(EstimateCli.estimate(SANDBOX.sandbox(), dir)));
    // a later --start/--end replaces the default one
    for (String name : List.of("--start", "--end")) {
      int at = extra.indexOf(name);
      if (at >= 0) {
        int i = args.indexOf(name);
        args.set(i + 1, extra.get(at + 1));
      }
    }
    for (int i = 0; i < extra.size(); i++) {
      if (extra.get(i).equals("--start") || extra.get(i).equals("--end")) {
        i++;
      } else {
        args.add(extra.get(i));
      }
    }
    return args.toArray(new String[0]);
  }
}
