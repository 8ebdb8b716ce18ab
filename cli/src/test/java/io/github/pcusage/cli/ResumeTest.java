package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void resumeAfterAFailedFollowUpPageIsByteIdenticalToAnUninterruptedRun() throws Exception {
    Path expected = tmp.resolve("expected.jsonl");
    assertThat(
            Cli.run(
                    Cli.utilization(
                        sandbox,
                        customer,
                        subscription,
                        "--page-size",
                        "10",
                        "--out",
                        expected.toString()))
                .code)
        .isZero();

    sandbox
        .scenarios()
        .nextPageFailing(customer, subscription, 2); // both attempts at the 2nd page fail
    Path out = tmp.resolve("out.jsonl");
    Cli.Result failed =
        Cli.run(
            Cli.utilization(
                sandbox,
                customer,
                subscription,
                "--page-size",
                "10",
                "--retry-max-attempts",
                "2",
                "--out",
                out.toString()));

    assertThat(failed.code).as(failed.toString()).isEqualTo(5);
    assertThat(out).doesNotExist();
    Path partial = tmp.resolve("out.jsonl.partial");
    Path checkpoint = tmp.resolve("out.jsonl.checkpoint");
    assertThat(Files.readAllLines(partial)).hasSize(10);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(partial)))
        .isEqualTo("rw-------");
    String saved = Files.readString(checkpoint);
    assertThat(saved)
        .contains("records=10\n")
        .contains("pages=1\n")
        .contains("continuation=pcu1.")
        .contains("offset=" + Files.size(partial) + "\n");
    assertThat(failed.stderr)
        .contains("800002")
        .contains("10 records in 1 pages are saved in " + partial);

    // A kill in the middle of the next page leaves bytes after the checkpoint's offset.
    Files.write(
        partial,
        "{\"usageStartTime\":\"2026-10-0".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    String[] resume = Cli.resumeArgs(failed.stderr);
    assertThat(resume).endsWith("--resume");
    Cli.Result resumed = Cli.run(resume);

    assertThat(resumed.code).as(resumed.toString()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
    assertThat(partial).doesNotExist();
    assertThat(checkpoint).doesNotExist();
  }

  @Test
  void resumeAfterAFailedFirstPageRestartsTheListingCsvHeaderIncluded() throws Exception {
    Path expected = tmp.resolve("expected.csv");
    assertThat(
            Cli.run(
                    Cli.utilization(
                        sandbox,
                        customer,
                        subscription,
                        "--format",
                        "csv",
                        "--page-size",
                        "15",
                        "--out",
                        expected.toString()))
                .code)
        .isZero();

    sandbox.scenarios().failing(customer, subscription, 503, 2);
    Path out = tmp.resolve("out.csv");
    Cli.Result failed =
        Cli.run(
            Cli.utilization(
                sandbox,
                customer,
                subscription,
                "--format",
                "csv",
                "--page-size",
                "15",
                "--retry-max-attempts",
                "2",
                "--out",
                out.toString()));

    assertThat(failed.code).as(failed.toString()).isEqualTo(5);
    assertThat(Files.readString(tmp.resolve("out.csv.checkpoint")))
        .contains("records=0\n")
        .contains("continuation=\n");
    Cli.Result resumed = Cli.run(Cli.resumeArgs(failed.stderr));

    assertThat(resumed.code).as(resumed.toString()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
  }

  @Test
  void aKillWhileTheFileWasBeingCreatedLeavesACheckpointThatResumeStartsAgain() throws Exception {
    Path expected = tmp.resolve("expected.csv");
    assertThat(
            Cli.run(
                    Cli.utilization(
                        sandbox,
                        customer,
                        subscription,
                        "--format",
                        "csv",
                        "--page-size",
                        "15",
                        "--out",
                        expected.toString()))
                .code)
        .isZero();
    sandbox.scenarios().failing(customer, subscription, 503, 1);
    Path out = tmp.resolve("out.csv");
    Cli.Result failed =
        Cli.run(
            Cli.utilization(
                sandbox,
                customer,
                subscription,
                "--format",
                "csv",
                "--page-size",
                "15",
                "--retry-max-attempts",
                "1",
                "--out",
                out.toString()));
    assertThat(failed.code).isEqualTo(5);

    // The checkpoint is written before the partial file: a kill in between leaves only the
    // checkpoint.
    Files.delete(tmp.resolve("out.csv.partial"));
    Cli.Result resumed = Cli.run(Cli.resumeArgs(failed.stderr));

    assertThat(resumed.code).as(resumed.toString()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
  }

  @Test
  void resumeWithOtherOptionsIsRefused() throws Exception {
    sandbox.scenarios().nextPageFailing(customer, subscription, 1);
    Path out = tmp.resolve("out.jsonl");
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

    Cli.Result other =
        Cli.run(
            Cli.utilization(
                sandbox,
                customer,
                subscription,
                "--page-size",
                "20",
                "--out",
                out.toString(),
                "--resume"));

    assertThat(other.code).isEqualTo(2);
    assertThat(other.errLines())
        .singleElement()
        .asString()
        .contains("--resume")
        .contains("another listing");
  }

  @Test
  void aLeftoverPartialFileNeedsResumeOrDeletion() throws Exception {
    sandbox.scenarios().nextPageFailing(customer, subscription, 1);
    Path out = tmp.resolve("out.jsonl");
    assertThat(
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
                        out.toString()))
                .code)
        .isEqualTo(5);

    Cli.Result again =
        Cli.run(
            Cli.utilization(
                sandbox, customer, subscription, "--page-size", "10", "--out", out.toString()));

    assertThat(again.code).isEqualTo(2);
    assertThat(again.errLines())
        .singleElement()
        .asString()
        .contains("--resume")
        .contains("out.jsonl.partial");
  }

  @Test
  void resumeWithoutACheckpointIsAUsageError() {
    Cli.Result run =
        Cli.run(
            Cli.utilization(
                sandbox,
                customer,
                subscription,
                "--out",
                tmp.resolve("x.jsonl").toString(),
                "--resume"));

    assertThat(run.code).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("nothing to resume");
  }

  @Test
  void resumeCommandQuotesArgumentsForTheShell() {
    assertThat(ResumeCommand.of(java.util.List.of("utilization", "--out", "my file's.jsonl")))
        .isEqualTo("pcusage utilization --out 'my file'\\''s.jsonl' --resume");
    assertThat(Cli.shellWords("pcusage --out 'my file'\\''s.jsonl' --resume"))
        .containsExactly("pcusage", "--out", "my file's.jsonl", "--resume");
  }
}
