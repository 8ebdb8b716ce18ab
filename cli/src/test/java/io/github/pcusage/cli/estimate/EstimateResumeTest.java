package io.github.pcusage.cli.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.Sandbox;
import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An estimate interrupted by failures (a sandbox answering 500 to some requests, one attempt per
 * request) exits 7 with its checkpoints and no output; {@code --resume} continues it, here against
 * another sandbox of the same seed (another machine), and its outputs are byte-identical to those
 * of an uninterrupted run.
 */
class EstimateResumeTest {
  static SandboxExtension.Builder data() {
    return SandboxExtension.builder()
        .seed(42)
        .customers(2)
        .subscriptionsPerCustomer(2)
        .recordsPerSubscription(400);
  }

  @RegisterExtension static final SandboxExtension CLEAN = data().build();

  @RegisterExtension
  static final SandboxExtension FAULTY = data().faults("500=0.2,seed=11").build();

  @TempDir Path tmp;

  @Test
  void resumeAfterAnInterruptionWritesTheSameBytes() throws Exception {
    Path expected = tmp.resolve("expected");
    EstimateCli.Result clean =
        EstimateCli.run(
            EstimateCli.estimate(CLEAN.sandbox(), expected, "--keep-records", "--page-size", "25"));
    assertThat(clean.code()).as(clean.toString()).isZero();

    Path dir = tmp.resolve("interrupted");
    int interrupted = interrupt(FAULTY.sandbox(), dir);
    EstimateCli.Result resumed =
        EstimateCli.run(
            EstimateCli.estimate(
                CLEAN.sandbox(), dir, "--keep-records", "--page-size", "25", "--resume"));

    assertThat(interrupted).isGreaterThan(0);
    assertThat(resumed.code()).as(resumed.toString()).isZero();
    Map<String, byte[]> want = EstimateCli.files(expected);
    Map<String, byte[]> got = EstimateCli.files(dir);
    assertThat(got.keySet()).isEqualTo(want.keySet()).contains("records.jsonl", "lines.csv");
    for (String name : want.keySet()) {
      assertThat(got.get(name)).as(name).isEqualTo(want.get(name));
    }
  }

  /**
   * Runs the estimate against the faulty sandbox until it leaves checkpoints behind (exit 7) at
   * least once, then once more, and returns how many runs exited 7.
   */
  private static int interrupt(Sandbox faulty, Path dir) throws Exception {
    int sevens = 0;
    for (int i = 0; i < 30 && sevens < 2; i++) {
      boolean resume = Files.isDirectory(dir.resolve("work"));
      EstimateCli.Result run =
          EstimateCli.run(
              resume
                  ? EstimateCli.estimate(
                      faulty,
                      dir,
                      "--keep-records",
                      "--page-size",
                      "25",
                      "--retry-max-attempts",
                      "1",
                      "--resume")
                  : EstimateCli.estimate(
                      faulty,
                      dir,
                      "--keep-records",
                      "--page-size",
                      "25",
                      "--retry-max-attempts",
                      "1"));
      if (run.code() == 7) {
        sevens++;
        assertThat(dir.resolve("lines.csv")).doesNotExist();
        assertThat(dir.resolve("estimate.json")).doesNotExist();
        assertThat(run.err()).contains("--resume");
      } else {
        assertThat(run.code()).as(run.toString()).isIn(5, 7);
      }
    }
    return sevens;
  }
}
