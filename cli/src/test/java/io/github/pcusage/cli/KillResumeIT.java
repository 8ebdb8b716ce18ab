package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pcusage.sandbox.testing.SandboxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill test: the packaged jar is started as its own process, SIGKILLed at random points of a
 * listing (seeded), and resumed with the {@code --resume} command until it completes: a {@code
 * utilization --format csv --out} and an {@code export --out} of 4 targets with {@code --parallel
 * 2}, 6 interruptions each, the second a SIGTERM whose printed resume command is used. The final
 * file must be byte-identical to an uninterrupted run's; at every kill point the output file is
 * either absent or complete, every partial file agrees with the finished output up to its
 * checkpoint's offset, and every checkpoint, partial and manifest file is mode 0600.
 *
 * <p>The sandbox runs in this JVM with 20 ms of latency per request and small pages, so that a run
 * takes about a second and the kills land in the middle of it. {@code -Dpcusage.kill.seed=N}
 * replays other kill points.
 */
class KillResumeIT {
  private static final long SEED = Long.getLong("pcusage.kill.seed", 20261001L);
  private static final int KILLS = 6;
  private static final String TOKEN_ENV = "PCUSAGE_IT_TOKEN";
  private static final Map<String, String> ENV = Map.of(TOKEN_ENV, "kill-test-token");
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final SandboxExtension sandbox =
      SandboxExtension.builder()
          .seed(42)
          .customers(2)
          .subscriptionsPerCustomer(2)
          .recordsPerSubscription(60)
          .latency(Duration.ofMillis(20))
          .build();

  @TempDir Path tmp;

  @Test
  void utilizationKilledAtRandomPointsResumesToTheBytesOfAnUninterruptedRun() throws Exception {
    String customer = sandbox.customerIds().get(0);
    String subscription = sandbox.subscriptionIds(customer).get(0);
    List<String> listing =
        List.of(
            "utilization",
            "--customer",
            customer,
            "--subscription",
            subscription,
            "--format",
            "csv",
            "--page-size",
            "2");

    int kills = new KillLoop(new UtilizationFiles(), listing, SEED).run();

    assertThat(kills).isGreaterThanOrEqualTo(KILLS - 1);
  }

  @Test
  void exportKilledAtRandomPointsResumesToTheBytesOfAnUninterruptedRun() throws Exception {
    Path targets = tmp.resolve("targets.csv");
    StringBuilder csv = new StringBuilder("customer,subscription\n");
    for (String customer : sandbox.customerIds()) {
      for (String subscription : sandbox.subscriptionIds(customer)) {
        csv.append(customer).append(',').append(subscription).append('\n');
      }
    }
    Files.writeString(targets, csv);
    List<String> listing =
        List.of("export", "--targets", targets.toString(), "--parallel", "2", "--page-size", "3");

    int kills = new KillLoop(new ExportFiles(), listing, SEED + 1).run();

    assertThat(kills).isGreaterThanOrEqualTo(KILLS - 1);
  }

  /** Starts, kills and resumes one listing until it completes, checking the files at every kill. */
  private final class KillLoop {
    private final OutputFiles files;
    private final List<String> listing;
    private final Random random;
    private final long seed;

    KillLoop(OutputFiles files, List<String> listing, long seed) {
      this.files = files;
      this.listing = listing;
      this.seed = seed;
      this.random = new Random(seed);
    }

    int run() throws Exception {
      Path reference = tmp.resolve("reference");
      Files.createDirectories(reference);
      byte[] expected = uninterrupted(reference);
      files.expect(expected);

      Path dir = tmp.resolve("killed");
      Files.createDirectories(dir);
      Path out = dir.resolve("out." + (listing.contains("csv") ? "csv" : "jsonl"));
      List<String> fresh = command(out);
      List<String> resume = new ArrayList<>(fresh);
      resume.add("--resume");
      List<String> log = new ArrayList<>();
      int kills = 0;
      boolean resuming = false;
      for (int round = 1; ; round++) {
        assertThat(round).as("rounds (seed %d): %s", seed, log).isLessThan(3 * KILLS);
        String name = "round-" + round;
        try (JarProcess p = JarProcess.start(dir, name, ENV, resuming ? resume : fresh)) {
          if (kills == KILLS) {
            int code = p.await(Duration.ofSeconds(60));
            assertThat(code).as("the last resume (seed %d) %s", seed, p.stderrText()).isZero();
            log.add(name + ": completed");
            break;
          }
          long before = files.progress(out);
          long max = files.maxProgress();
          // A kill point: at once (JVM start-up, sign-in, first request), after a random share of
          // what is left to write, or, the last kill, once every record is written (finishing: the
          // rename, the export's assembly and clean-up; the run may complete before it lands).
          boolean last = kills == KILLS - 1;
          boolean atStart = !last && random.nextInt(6) == 0;
          long threshold =
              last ? max : before + (long) ((0.1 + 0.4 * random.nextDouble()) * (max - before)) + 1;
          if (!atStart) {
            Await.until(
                () -> !p.isAlive() || files.progress(out) >= threshold,
                WAIT,
                "progress to " + threshold + " bytes of " + max + " (seed " + seed + ")");
          }
          // The second interruption is a SIGTERM (Ctrl-C alike): pcusage prints the resume command.
          boolean term = kills == 1 && !atStart;
          int code = term ? p.terminate() : p.kill();
          files.checkKillPoint(out, name + " (seed " + seed + ")");
          if (code == 0) {
            log.add(name + ": finished before the kill");
            assertThat(p.stderrText()).isEmpty();
            break;
          }
          assertThat(code)
              .as(p.stderrText())
              .isEqualTo(term ? 143 : 137); // 128 + SIGTERM / SIGKILL
          kills++;
          log.add(
              name
                  + ": "
                  + (term ? "terminated" : "killed")
                  + " at "
                  + files.progress(out)
                  + "/"
                  + max
                  + " bytes ("
                  + (atStart ? "at start" : "threshold " + threshold)
                  + ")");
          resuming = files.resumable(out);
          if (term && resuming) {
            assertThat(p.stderrText()).contains("pcusage: interrupted. ");
            List<String> printed = Arrays.asList(Cli.resumeArgs(p.stderrText()));
            assertThat(printed).isEqualTo(resume);
            resume = printed;
          }
          if (!resuming && Files.exists(out)) {
            log.add("complete before the kill landed");
            break;
          }
        }
      }
      System.out.println(
          "kill test " + listing.get(0) + " (seed " + seed + "): " + String.join("; ", log));
      assertThat(Files.readAllBytes(out))
          .as("final file vs uninterrupted run, %s", log)
          .isEqualTo(expected);
      try (Stream<Path> left = Files.list(dir)) {
        assertThat(left.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("out.")))
            .containsExactlyInAnyOrderElementsOf(files.finished(out));
      }
      return kills;
    }

    private byte[] uninterrupted(Path dir) throws Exception {
      Path out = dir.resolve("expected");
      try (JarProcess p = JarProcess.start(dir, "uninterrupted", ENV, command(out))) {
        assertThat(p.await(Duration.ofSeconds(60))).as(p.stderrText()).isZero();
      }
      byte[] bytes = Files.readAllBytes(out);
      assertThat(bytes.length).isGreaterThan(10_000);
      return bytes;
    }

    private List<String> command(Path out) {
      List<String> args = new ArrayList<>(listing);
      args.addAll(
          List.of(
              "--base-url",
              sandbox.baseUrl(),
              "--token-env",
              TOKEN_ENV,
              "--start",
              "2026-10-01",
              "--end",
              "2026-11-01",
              "--retry-max-wait",
              "0",
              "--quiet",
              "--out",
              out.toString()));
      return args;
    }
  }

  /** What a run leaves beside its output file, and what must hold of it at any kill point. */
  private interface OutputFiles {
    void expect(byte[] expected);

    /** Record bytes written so far (partial and part files), for choosing kill points. */
    long progress(Path out);

    long maxProgress();

    boolean resumable(Path out);

    void checkKillPoint(Path out, String where) throws IOException;

    /** Returns the names of the files beside {@code out} once it is complete. */
    List<String> finished(Path out) throws IOException;
  }

  /** {@code utilization --out FILE}: FILE.partial and FILE.checkpoint until the rename. */
  private static final class UtilizationFiles implements OutputFiles {
    private byte[] expected;

    @Override
    public void expect(byte[] expected) {
      this.expected = expected;
    }

    @Override
    public long progress(Path out) {
      return size(CheckpointedFile.partialOf(out)) + (Files.exists(out) ? expected.length : 0);
    }

    @Override
    public long maxProgress() {
      return expected.length;
    }

    @Override
    public boolean resumable(Path out) {
      return Files.exists(CheckpointedFile.checkpointOf(out));
    }

    @Override
    public List<String> finished(Path out) {
      return List.of(out.getFileName().toString());
    }

    @Override
    public void checkKillPoint(Path out, String where) throws IOException {
      checkOutput(out, expected, where);
      checkPart(out, expected, where);
    }
  }

  /**
   * {@code export --out FILE}: FILE.parts/ (manifest, a part and checkpoint per target), then
   * FILE.partial.
   */
  private static final class ExportFiles implements OutputFiles {
    private byte[] expected;
    private final List<byte[]> expectedParts = new ArrayList<>();
    private final List<String> partNames = new ArrayList<>();

    @Override
    public void expect(byte[] expected) {
      this.expected = expected;
      Map<String, StringBuilder> byTarget = new LinkedHashMap<>();
      for (String line : new String(expected, StandardCharsets.UTF_8).split("\n")) {
        String target = line.substring(0, line.indexOf(",\"", line.indexOf("subscriptionId")));
        byTarget.computeIfAbsent(target, t -> new StringBuilder()).append(line).append('\n');
      }
      byTarget.forEach(
          (target, part) -> {
            expectedParts.add(part.toString().getBytes(StandardCharsets.UTF_8));
            // {"customerId":"C","subscriptionId":"S
            String[] ids = target.split("\"");
            partNames.add(ExportParts.key(new Target(ids[3], ids[7], 0)) + ".jsonl");
          });
      assertThat(expectedParts).hasSize(4);
    }

    @Override
    public long progress(Path out) {
      long total = 0;
      Path parts = partsOf(out);
      for (int i = 0; i < expectedParts.size(); i++) {
        Path part = parts.resolve(partNames.get(i));
        total += Math.max(size(part), size(CheckpointedFile.partialOf(part)));
      }
      return total;
    }

    @Override
    public long maxProgress() {
      return expected.length;
    }

    @Override
    public boolean resumable(Path out) {
      return Files.isDirectory(partsOf(out));
    }

    /** FILE and its status file, every target complete. */
    @Override
    public List<String> finished(Path out) throws IOException {
      Path status = ExportStatusFile.of(out);
      List<String> rows = Files.readAllLines(status, StandardCharsets.UTF_8);
      assertThat(rows).hasSize(expectedParts.size() + 1);
      assertThat(rows.subList(1, rows.size())).allMatch(r -> r.contains(",complete,"));
      return List.of(out.getFileName().toString(), status.getFileName().toString());
    }

    @Override
    public void checkKillPoint(Path out, String where) throws IOException {
      checkOutput(out, expected, where);
      Path status = ExportStatusFile.of(out);
      if (Files.exists(status)) {
        // replaced atomically: whole, whenever the process dies
        List<String> rows = Files.readAllLines(status, StandardCharsets.UTF_8);
        assertThat(rows).as("%s: %s", where, status).hasSize(expectedParts.size() + 1);
        assertThat(rows.get(0)).isEqualTo(String.join(",", ExportStatusFile.COLUMNS));
        assertThat(rows.subList(1, rows.size()))
            .as("%s: %s", where, status)
            .allMatch(r -> r.matches("[^,]+,[^,]+,(complete|unfinished),[0-9]+,[0-9]+,,,"));
      }
      Path assembled = CheckpointedFile.partialOf(out);
      if (Files.exists(assembled)) {
        checkPrivate(assembled, where);
        byte[] sofar = Files.readAllBytes(assembled);
        assertThat(sofar)
            .as("%s: %s is a prefix of the output", where, assembled)
            .isEqualTo(Arrays.copyOf(expected, Math.min(sofar.length, expected.length)));
      }
      Path parts = partsOf(out);
      if (!Files.isDirectory(parts)) {
        return;
      }
      try (Stream<Path> list = Files.list(parts)) {
        for (Path file : (Iterable<Path>) list::iterator) {
          checkPrivate(file, where);
        }
      }
      for (int i = 0; i < expectedParts.size(); i++) {
        checkPart(parts.resolve(partNames.get(i)), expectedParts.get(i), where);
      }
    }

    private static Path partsOf(Path out) {
      return out.resolveSibling(out.getFileName() + ".parts");
    }
  }

  /** The output file is absent or complete: it only ever appears by an atomic rename. */
  static void checkOutput(Path out, byte[] expected, String where) throws IOException {
    if (Files.exists(out)) {
      assertThat(Files.readAllBytes(out))
          .as("%s: %s exists, so it is complete", where, out)
          .isEqualTo(expected);
    }
  }

  /**
   * A checkpointed file: never a partial file without its checkpoint; both mode 0600; the partial
   * file (or the renamed file once complete) agrees with the finished bytes up to the checkpoint.
   */
  static void checkPart(Path target, byte[] expected, String where) throws IOException {
    Path partial = CheckpointedFile.partialOf(target);
    Path checkpoint = CheckpointedFile.checkpointOf(target);
    Path tmpCheckpoint = checkpoint.resolveSibling(checkpoint.getFileName() + ".tmp");
    for (Path file : List.of(partial, checkpoint, tmpCheckpoint)) {
      if (Files.exists(file)) {
        checkPrivate(file, where);
      }
    }
    if (!Files.exists(checkpoint)) {
      assertThat(partial).as("%s: a partial file without its checkpoint", where).doesNotExist();
      return;
    }
    Checkpoint saved = Checkpoint.read(checkpoint);
    if (saved.pages == 0) {
      return; // nothing committed yet: --resume starts this file again
    }
    Path data = Files.exists(partial) ? partial : target;
    byte[] bytes = Files.readAllBytes(data);
    assertThat((long) bytes.length)
        .as("%s: %s holds its checkpoint's %d bytes", where, data, saved.offset)
        .isGreaterThanOrEqualTo(saved.offset);
    assertThat(Arrays.copyOf(bytes, (int) saved.offset))
        .as("%s: %s up to its checkpoint", where, data)
        .isEqualTo(Arrays.copyOf(expected, (int) saved.offset));
    if (saved.complete) {
      assertThat(bytes).as("%s: %s is complete", where, data).isEqualTo(expected);
    }
  }

  static void checkPrivate(Path file, String where) throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .as("%s: mode of %s", where, file)
        .isEqualTo("rw-------");
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // absent, or renamed while we looked
    }
  }
}
