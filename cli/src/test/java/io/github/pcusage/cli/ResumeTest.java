package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.Sandbox;
import io.github.pcusage.sandbox.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code utilization --out FILE} interrupted and resumed: whatever the interruption (a failed first
 * or follow-up page, a kill that leaves a half record after the checkpoint or no partial file at
 * all), the files it leaves are private, the checkpoint says what is saved, and the printed {@code
 * --resume} command finishes a file byte-identical to an uninterrupted run's. A run that would mix
 * two listings in one file is refused.
 */
class ResumeTest {
  Sandbox sandbox;
  String customer;
  String subscription;

  @TempDir Path tmp;

  @BeforeEach
  void start() {
    sandbox = Cli.smallSandbox();
    customer = sandbox.customerIds().get(1);
    subscription = sandbox.subscriptionIds(customer).get(1);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** Makes the next listing of a subscription fail. */
  interface Failure {
    void inject(Scenarios scenarios, String customer, String subscription);
  }

  /** What a kill does to the partial file after the failed run saved it. */
  enum Damage {
    NONE {
      @Override
      void apply(Path partial) {}
    },
    /** A kill in the middle of the next page leaves bytes after the checkpoint's offset. */
    HALF_A_RECORD_AFTER_THE_CHECKPOINT {
      @Override
      void apply(Path partial) throws IOException {
        Files.write(
            partial,
            "{\"usageStartTime\":\"2026-10-0".getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.APPEND);
      }
    },
    /**
     * The checkpoint is written before the partial file: a kill in between leaves only the
     * checkpoint.
     */
    NO_PARTIAL_FILE {
      @Override
      void apply(Path partial) throws IOException {
        Files.delete(partial);
      }
    };

    abstract void apply(Path partial) throws IOException;
  }

  /**
   * One interrupted run: its format and page size, the failure and the attempts allowed, what the
   * checkpoint must then hold and stderr name, and the damage a kill adds before the resume.
   */
  record Interruption(
      String name,
      String format,
      int pageSize,
      Failure failure,
      int attempts,
      long savedRecords,
      long savedPages,
      String continuationLine,
      String error,
      Damage damage) {
    /** Returns {@code --format csv} (none for JSONL, the default) followed by {@code more}. */
    String[] options(String... more) {
      List<String> options = new ArrayList<>();
      if (format.equals("csv")) {
        options.addAll(List.of("--format", "csv"));
      }
      options.addAll(List.of(more));
      return options.toArray(new String[0]);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Interruption> interruptions() {
    return Stream.of(
        new Interruption(
            "a failed follow-up page, then half a record written by a kill",
            "jsonl",
            10,
            (s, c, sub) -> s.nextPageFailing(c, sub, 2), // both attempts at the 2nd page fail
            2,
            10,
            1,
            "continuation=pcu1.",
            "800003",
            Damage.HALF_A_RECORD_AFTER_THE_CHECKPOINT),
        new Interruption(
            "a failed first page: the listing restarts, CSV header included",
            "csv",
            15,
            (s, c, sub) -> s.failing(c, sub, 503, 2),
            2,
            0,
            0,
            "continuation=\n",
            "503",
            Damage.NONE),
        new Interruption(
            "a kill while the files were being created: the checkpoint starts it again",
            "csv",
            15,
            (s, c, sub) -> s.failing(c, sub, 503, 1),
            1,
            0,
            0,
            "continuation=\n",
            "503",
            Damage.NO_PARTIAL_FILE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("interruptions")
  void resumeIsByteIdenticalToAnUninterruptedRun(Interruption run) throws Exception {
    String pageSize = String.valueOf(run.pageSize);
    Path expected = tmp.resolve("expected." + run.format);
    assertThat(
            Cli.run(
                    Cli.utilization(
                        sandbox,
                        customer,
                        subscription,
                        run.options("--page-size", pageSize, "--out", expected.toString())))
                .code)
        .isZero();

    run.failure.inject(sandbox.scenarios(), customer, subscription);
    Path out = tmp.resolve("out." + run.format);
    Cli.Result failed =
        Cli.run(
            Cli.utilization(
                sandbox,
                customer,
                subscription,
                run.options(
                    "--page-size",
                    pageSize,
                    "--retry-max-attempts",
                    String.valueOf(run.attempts),
                    "--out",
                    out.toString())));

    assertThat(failed.code).as(failed.toString()).isEqualTo(5);
    assertThat(out).doesNotExist();
    Path partial = tmp.resolve("out." + run.format + ".partial");
    Path checkpoint = tmp.resolve("out." + run.format + ".checkpoint");
    long headerLines = run.format.equals("csv") ? 1 : 0;
    assertThat(Files.readAllLines(partial)).hasSize((int) (run.savedRecords + headerLines));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(partial)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(checkpoint))
        .contains("records=" + run.savedRecords + "\n")
        .contains("pages=" + run.savedPages + "\n")
        .contains(run.continuationLine)
        .contains("offset=" + Files.size(partial) + "\n");
    assertThat(failed.stderr)
        .contains(run.error)
        .contains(
            run.savedRecords
                + (run.savedRecords == 1 ? " record in " : " records in ")
                + run.savedPages
                + (run.savedPages == 1 ? " page" : " pages")
                + (run.savedRecords == 1 ? " is" : " are")
                + " saved in "
                + partial);

    run.damage.apply(partial);
    String[] resume = Cli.resumeArgs(failed.stderr);
    assertThat(resume).endsWith("--resume");
    Cli.Result resumed = Cli.run(resume);

    assertThat(resumed.code).as(resumed.toString()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
    assertThat(partial).doesNotExist();
    assertThat(checkpoint).doesNotExist();
  }

  /**
   * A run with {@code --out} that is refused: after a failed run of page size 10 or not, with these
   * options before {@code --out FILE} and {@code --resume} or not; its one line on stderr holds
   * every one of {@code messageParts}.
   */
  record Refusal(
      String name,
      boolean afterAFailedRun,
      List<String> options,
      boolean resume,
      List<String> messageParts) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Refusal> refusals() {
    return Stream.of(
        new Refusal(
            "resume with other options",
            true,
            List.of("--page-size", "20"),
            true,
            List.of("--resume", "another listing")),
        new Refusal(
            "a leftover partial file needs --resume or deletion",
            true,
            List.of("--page-size", "10"),
            false,
            List.of("--resume", "out.jsonl.partial")),
        new Refusal(
            "resume without a checkpoint", false, List.of(), true, List.of("nothing to resume")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void aRunThatWouldMixTwoListingsInOneFileIsAUsageError(Refusal refusal) {
    Path out = tmp.resolve("out.jsonl");
    if (refusal.afterAFailedRun) {
      sandbox.scenarios().nextPageFailing(customer, subscription, 1);
      Cli.Result failed =
          Cli.run(
              Cli.utilization(
                  sandbox,
                  customer,
                  subscription,
                  "--page-size",
                  "10",
                  "--retry-max-attempts",
                  "1",
                  "--out",
                  out.toString()));
      assertThat(failed.code).isEqualTo(5);
    }

    List<String> options = new ArrayList<>(refusal.options);
    options.add("--out");
    options.add(out.toString());
    if (refusal.resume) {
      options.add("--resume");
    }
    Cli.Result run =
        Cli.run(Cli.utilization(sandbox, customer, subscription, options.toArray(new String[0])));

    assertThat(run.code).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains(refusal.messageParts.toArray(new String[0]));
  }

  @Test
  void resumeCommandQuotesArgumentsForTheShell() {
    assertThat(ResumeCommand.of(java.util.List.of("utilization", "--out", "my file's.jsonl")))
        .isEqualTo("pcusage utilization --out 'my file'\\''s.jsonl' --resume");
    assertThat(Cli.shellWords("pcusage --out 'my file'\\''s.jsonl' --resume"))
        .containsExactly("pcusage", "--out", "my file's.jsonl", "--resume");
  }
}
