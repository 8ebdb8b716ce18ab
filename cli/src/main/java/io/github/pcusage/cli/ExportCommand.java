package io.github.pcusage.cli;

import io.github.pcusage.PagedIterable;
import io.github.pcusage.UtilizationQuery;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pcusage export}: the utilization records of many customer/subscription pairs into one
 * output, with bounded concurrency, a shared throttle, a checkpoint per target, and the output in
 * target-file order whatever {@code --parallel} is.
 *
 * <p>Each target is written to its own part file in a work directory ({@code FILE.parts} with
 * {@code --out FILE}, a temporary directory otherwise), checkpointed after every page. At the end
 * the parts of the successful targets are joined in target-file order into {@code FILE} (via {@code
 * FILE.partial}, renamed atomically) or onto stdout. Failed targets are reported with their resume
 * point; with {@code --out} their checkpoints stay in {@code FILE.parts} and {@code --resume}
 * continues them, reuses the finished parts and writes {@code FILE} complete.
 */
@Command(
    name = "export",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Export the utilization records of many customer/subscription pairs (a CSV file) into one output,",
      "customer and subscription first, in the order of the targets file whatever --parallel is.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "2:usage error (options, targets file)",
      "3:data not ready (HTTP 204)",
      "4:authentication/authorization (401, 403)",
      "5:API, network or paging failure, or some targets failed (the others are written)",
      "6:local file error"
    },
    footerHeading = "%nTargets file (CSV, UTF-8):%n",
    footer = {"  customer,subscription", "  <customer id>,<subscription id>", "  ..."})
final class ExportCommand implements Callable<Integer> {
  static final int MAX_PARALLEL = 64;
  private static final String MANIFEST = "manifest";

  @Option(
      names = "--targets",
      required = true,
      paramLabel = "FILE",
      description = "CSV file with a header line customer,subscription and one pair per line.")
  Path targetsFile;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Targets listed at the same time, 1 to " + MAX_PARALLEL + " (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Mixin ListingOptions listing;

  @Mixin ConnectionOptions connection;

  private final RunContext ctx;

  /** Keeps the pages as received, for JSONL; null for CSV. */
  private RawPageCapture raw;

  ExportCommand(RunContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    UtilizationQuery query = listing.query();
    if (parallel < 1 || parallel > MAX_PARALLEL) {
      throw CliException.usage("--parallel must be from 1 to " + MAX_PARALLEL + ": " + parallel);
    }
    List<Target> targets = Targets.read(targetsFile);
    CliLog.configure(ctx.err, connection.verbose);
    raw = listing.format == OutputFormat.jsonl ? new RawPageCapture(2 * parallel + 2) : null;
    try (Connection conn = Connection.open(connection, ctx, raw)) {
      List<PagedIterable<AzureUtilizationRecord>> listings = new ArrayList<>();
      for (Target target : targets) {
        try {
          listings.add(conn.client.utilizations(target.customerId, target.subscriptionId, query));
        } catch (IllegalArgumentException e) {
          throw CliException.usage(
              "--targets: "
                  + targetsFile
                  + " line "
                  + target.line
                  + ": "
                  + Failures.optionNames(e.getMessage()));
        }
      }
      WorkDir work = WorkDir.open(listing.out, listing.resume, manifest(query, targets));
      try {
        return export(conn, targets, listings, query, work);
      } finally {
        ResumeHint.clear();
        if (work.temporary) {
          work.delete();
        }
      }
    }
  }

  private int export(
      Connection conn,
      List<Target> targets,
      List<PagedIterable<AzureUtilizationRecord>> listings,
      UtilizationQuery query,
      WorkDir work) {
    String resume = ResumeCommand.of(ctx.args);
    if (!work.temporary) {
      ResumeHint.set(
          "Finished targets and checkpoints are in " + work.dir + "; resume with:\n  " + resume);
    }
    List<TargetResult> results = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallel, targets.size()), threads());
    try (Progress progress = Progress.start("export", connection.quiet, ctx.err)) {
      List<Future<TargetResult>> futures = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        int index = i;
        futures.add(
            pool.submit(
                () ->
                    runTarget(
                        index,
                        targets.get(index),
                        listings.get(index),
                        query,
                        work,
                        progress,
                        conn.maxAttempts)));
      }
      for (Future<TargetResult> future : futures) {
        results.add(await(future));
      }
    } finally {
      pool.shutdownNow();
    }
    List<TargetResult> failed = new ArrayList<>();
    long records = 0;
    for (TargetResult r : results) {
      if (r.failure != null) {
        failed.add(r);
      } else {
        records += r.records;
      }
    }
    assemble(results);
    if (failed.isEmpty()) {
      if (!work.temporary) {
        work.delete();
      }
      if (!connection.quiet) {
        ctx.error(
            "exported "
                + records
                + " records of "
                + targets.size()
                + " targets"
                + (listing.out == null ? "" : " to " + listing.out));
      }
      return ExitCode.OK;
    }
    reportFailures(targets.size(), failed, work, resume);
    return ExitCode.API;
  }

  private TargetResult runTarget(
      int index,
      Target target,
      PagedIterable<AzureUtilizationRecord> records,
      UtilizationQuery query,
      WorkDir work,
      Progress progress,
      int maxAttempts) {
    Path part = work.part(index, listing.format);
    String fingerprint =
        ListingOptions.fingerprint(
            listing.format, true, target.customerId, target.subscriptionId, query);
    RecordEncoder encoder = RecordEncoder.of(listing.format, target, raw);
    CheckpointedFile file = null;
    try {
      file =
          Files.exists(CheckpointedFile.checkpointOf(part))
              ? CheckpointedFile.resume(part, "--out", fingerprint, new byte[0], true)
              : CheckpointedFile.create(part, "--out", fingerprint, new byte[0], true);
      try (CheckpointedFile open = file) {
        if (!open.isComplete()) {
          ListingRun.run(records, open.resumeFrom(), encoder, open, progress, maxAttempts);
        }
        open.finish();
      }
      return new TargetResult(index, target, part, file.records(), file.pages(), null, null);
    } catch (RuntimeException e) {
      long written = file == null ? 0 : file.records();
      long pages = file == null ? 0 : file.pages();
      Path checkpoint = file == null ? null : file.checkpointPath;
      return new TargetResult(index, target, part, written, pages, e, checkpoint);
    }
  }

  /** Joins the parts of the successful targets, in target-file order, into the output. */
  private void assemble(List<TargetResult> results) {
    byte[] header = listing.format == OutputFormat.csv ? CsvEncoder.exportHeader() : new byte[0];
    if (listing.out == null) {
      try {
        ctx.out.write(header, 0, header.length);
        copyParts(results, ctx.out);
      } catch (IOException e) {
        throw CliException.file("cannot read a part file: " + CheckpointedFile.describe(e), e);
      }
      ctx.out.flush();
      if (ctx.out.checkError()) {
        throw new CliException(
            ExitCode.LOCAL_FILE, "cannot write to standard output (closed or full)");
      }
      return;
    }
    Path assembled = CheckpointedFile.partialOf(listing.out);
    try {
      Files.deleteIfExists(assembled);
      Checkpoint.createPrivate(assembled);
      try (OutputStream out = Files.newOutputStream(assembled, StandardOpenOption.WRITE)) {
        out.write(header);
        copyParts(results, out);
      }
      Checkpoint.moveAtomically(assembled, listing.out);
    } catch (IOException e) {
      throw CliException.file(
          "--out: cannot write " + listing.out + ": " + CheckpointedFile.describe(e), e);
    }
  }

  private static void copyParts(List<TargetResult> results, OutputStream out) throws IOException {
    for (TargetResult r : results) {
      if (r.failure == null) {
        Files.copy(r.part, out);
      }
    }
  }

  private void reportFailures(int total, List<TargetResult> failed, WorkDir work, String resume) {
    ctx.error(
        "export: "
            + failed.size()
            + " of "
            + total
            + " targets failed; the other "
            + (total - failed.size())
            + " are written"
            + (listing.out == null ? " to stdout" : " to " + listing.out)
            + ":");
    for (TargetResult r : failed) {
      ctx.error(
          "target "
              + (r.index + 1)
              + " ("
              + targetsFile
              + " line "
              + r.target.line
              + ", "
              + r.target
              + "): "
              + Failures.message(r.failure));
      String point =
          r.pages == 0
              ? "from its first page"
              : "after "
                  + r.pages
                  + (r.pages == 1 ? " page" : " pages")
                  + " and "
                  + r.records
                  + " records";
      ctx.error(
          "  resume point: "
              + point
              + (work.temporary || r.checkpoint == null
                  ? " (not saved: export with --out FILE to resume)"
                  : " (" + r.checkpoint + ")"));
    }
    if (!work.temporary) {
      ctx.error(
          "finished targets and checkpoints are kept in "
              + work.dir
              + "; resume the failed targets with:");
      ctx.err.println("  " + resume);
      ctx.err.flush();
    }
  }

  private static TargetResult await(Future<TargetResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.API, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException
          ? (RuntimeException) cause
          : new IllegalStateException(cause);
    }
  }

  private String manifest(UtilizationQuery query, List<Target> targets) {
    StringBuilder text = new StringBuilder("pcusage export manifest 1\n");
    text.append("listing=")
        .append(ListingOptions.fingerprint(listing.format, true, "*", "*", query))
        .append('\n');
    for (Target t : targets) {
      text.append("target=").append(t.customerId).append(',').append(t.subscriptionId).append('\n');
    }
    return text.toString();
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "pcusage-export-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The outcome of one target. */
  private static final class TargetResult {
    final int index;
    final Target target;
    final Path part;
    final long records;
    final long pages;
    final RuntimeException failure;
    final Path checkpoint;

    TargetResult(
        int index,
        Target target,
        Path part,
        long records,
        long pages,
        RuntimeException failure,
        Path checkpoint) {
      this.index = index;
      this.target = target;
      this.part = part;
      this.records = records;
      this.pages = pages;
      this.failure = failure;
      this.checkpoint = checkpoint;
    }
  }

  /**
   * The directory of the part files: {@code FILE.parts}, or a temporary one without {@code --out}.
   */
  private static final class WorkDir {
    final Path dir;
    final boolean temporary;

    private WorkDir(Path dir, boolean temporary) {
      this.dir = dir;
      this.temporary = temporary;
    }

    static WorkDir open(Path out, boolean resume, String manifest) {
      if (out == null) {
        try {
          return new WorkDir(Files.createTempDirectory("pcusage-export-"), true);
        } catch (IOException e) {
          throw CliException.file(
              "cannot create a temporary directory: " + CheckpointedFile.describe(e), e);
        }
      }
      Path dir = out.resolveSibling(out.getFileName() + ".parts");
      Path manifestFile = dir.resolve(MANIFEST);
      if (resume) {
        if (!Files.isDirectory(dir)) {
          throw CliException.usage(
              "--resume: there is nothing to resume: "
                  + dir
                  + " does not exist (run without --resume)");
        }
        try {
          if (!Files.exists(manifestFile) && !hasParts(dir)) {
            // killed between creating the directory and writing its manifest: nothing was listed
            // yet
            writeManifest(manifestFile, manifest);
          }
          if (!Files.readString(manifestFile, StandardCharsets.UTF_8).equals(manifest)) {
            throw CliException.usage(
                "--resume: "
                    + dir
                    + " belongs to another export (other targets, window or"
                    + " format): resume with the options that started it");
          }
        } catch (IOException e) {
          throw CliException.file(
              "--resume: cannot read " + manifestFile + ": " + CheckpointedFile.describe(e), e);
        }
        return new WorkDir(dir, false);
      }
      if (Files.exists(dir)) {
        throw CliException.usage(
            "--out: "
                + dir
                + " exists from an interrupted export: add --resume to continue it,"
                + " or delete it to start over");
      }
      if (Files.isDirectory(out)) {
        throw CliException.file("--out: " + out + " is a directory", null);
      }
      try {
        Files.createDirectory(dir);
        writeManifest(manifestFile, manifest);
      } catch (FileAlreadyExistsException e) {
        throw CliException.usage("--out: " + dir + " exists: add --resume or delete it");
      } catch (IOException e) {
        throw CliException.file(
            "--out: cannot create " + dir + ": " + CheckpointedFile.describe(e), e);
      }
      return new WorkDir(dir, false);
    }

    /** Writes the manifest atomically (a temporary file renamed), mode 0600. */
    private static void writeManifest(Path manifestFile, String manifest) throws IOException {
      Path tmp = manifestFile.resolveSibling(MANIFEST + ".tmp");
      Files.deleteIfExists(tmp);
      Checkpoint.createPrivate(tmp);
      Files.writeString(tmp, manifest, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
      Checkpoint.moveAtomically(tmp, manifestFile);
    }

    private static boolean hasParts(Path dir) throws IOException {
      try (Stream<Path> files = Files.list(dir)) {
        return files.anyMatch(f -> !f.getFileName().toString().startsWith(MANIFEST));
      }
    }

    Path part(int index, OutputFormat format) {
      return dir.resolve(String.format("%05d.%s", index + 1, format));
    }

    /**
     * Deletes the directory, its manifest last: a kill in the middle leaves a directory that {@code
     * --resume} still accepts (it lists again what was deleted and rewrites the same output).
     */
    void delete() {
      Path manifestFile = dir.resolve(MANIFEST);
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
          if (!p.equals(manifestFile) && !p.equals(dir)) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(manifestFile);
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // leftovers of a finished export are harmless
      }
    }
  }
}
