package io.github.pcusage.cli;

import io.github.pcusage.UtilizationQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The work directory of an {@code export}: one checkpointed part file per target, named after its
 * customer/subscription pair (see {@link ExportParts}), and a {@code manifest} naming the listing
 * (format, window, options) and the targets. It is {@code FILE.parts} with {@code --out FILE} (kept
 * unless every target is complete, so that {@code --resume} continues it), or a temporary directory
 * without.
 *
 * <p>{@code --resume} requires the same listing; the targets may change: the parts of the pairs
 * still listed are reused, added pairs start, and the parts of removed pairs are deleted. The
 * manifest is written atomically and deleted last, so a kill while the directory is being created
 * or deleted leaves one that {@code --resume} accepts.
 */
public final class ExportWorkDir {
  private static final String MANIFEST = "manifest";
  private static final String VERSION = "pcusage export manifest 2";

  final Path dir;
  final boolean temporary;
  final ExportParts parts;

  /** With {@code --resume}: how many targets the targets file added and removed since the start. */
  final int added;

  final int removed;

  private ExportWorkDir(Path dir, boolean temporary, String extension, int added, int removed) {
    this.dir = dir;
    this.temporary = temporary;
    this.parts = new ExportParts(dir, extension);
    this.added = added;
    this.removed = removed;
  }

  /**
   * Returns the directory.
   *
   * @return its path
   */
  public Path dir() {
    return dir;
  }

  /**
   * Returns how many targets were added to the targets since the run started ({@code --resume}).
   *
   * @return the count
   */
  public int added() {
    return added;
  }

  /**
   * Returns how many targets were removed from the targets since the run started ({@code
   * --resume}); their parts are deleted.
   *
   * @return the count
   */
  public int removed() {
    return removed;
  }

  /** Returns the listing line of the manifest: format, window, granularity, details, page size. */
  static String listing(RecordFormat format, UtilizationQuery query) {
    return "listing=" + ListingOptions.fingerprint(format, true, "*", "*", query);
  }

  private static String manifest(String listing, List<Target> targets) {
    StringBuilder text = new StringBuilder(VERSION).append('\n').append(listing).append('\n');
    for (Target t : targets) {
      text.append("target=").append(t.customerId).append(',').append(t.subscriptionId).append('\n');
    }
    return text.toString();
  }

  /**
   * Opens the work directory of {@code out} (null: a new temporary directory): creates it with its
   * manifest, or with {@code resume} checks that it lists the same listing and brings its targets
   * up to {@code targets}.
   *
   * @throws CliException a usage error when the directory exists without {@code resume}, is missing
   *     or belongs to another listing with it; a file error when it cannot be created or read
   */
  static ExportWorkDir open(
      Path out, boolean resume, RecordFormat format, UtilizationQuery query, List<Target> targets) {
    String listing = listing(format, query);
    if (out == null) {
      try {
        Path dir = Files.createTempDirectory("pcusage-export-");
        return new ExportWorkDir(dir, true, format.extension(), 0, 0);
      } catch (IOException e) {
        throw CliException.file(
            "cannot create a temporary directory: " + CheckpointedFile.describe(e), e);
      }
    }
    Path dir = out.resolveSibling(out.getFileName() + ".parts");
    if (!resume && !Files.exists(dir) && Files.isDirectory(out)) {
      throw CliException.file("--out: " + out + " is a directory", null);
    }
    return open(dir, "--out", "export", resume, listing, format.extension(), targets);
  }

  /**
   * Opens the work directory {@code dir} of a run: creates it with its manifest, or with {@code
   * resume} checks that it lists the same {@code listing} and brings its targets up to {@code
   * targets}.
   *
   * @param dir the directory
   * @param option the option that names it, for messages
   * @param run what the run is called in messages ("export", "estimate")
   * @param resume whether to continue an interrupted run
   * @param listing what the parts are listings of (a resumed directory must say the same)
   * @param extension the file name extension of the parts
   * @param targets the targets, in target-file order
   * @return the directory
   * @throws CliException a usage error when the directory exists without {@code resume}, is missing
   *     or belongs to another listing with it; a file error when it cannot be created or read
   */
  public static ExportWorkDir open(
      Path dir,
      String option,
      String run,
      boolean resume,
      String listing,
      String extension,
      List<Target> targets) {
    Path manifestFile = dir.resolve(MANIFEST);
    if (resume) {
      return reopen(dir, manifestFile, run, extension, listing, targets);
    }
    if (Files.exists(dir)) {
      throw CliException.usage(
          option
              + ": "
              + dir
              + " exists from an interrupted "
              + run
              + ": add --resume to continue it,"
              + " or delete it to start over");
    }
    try {
      Files.createDirectory(dir);
      writeManifest(manifestFile, manifest(listing, targets));
    } catch (FileAlreadyExistsException e) {
      throw CliException.usage(option + ": " + dir + " exists: add --resume or delete it");
    } catch (IOException e) {
      throw CliException.file(
          option + ": cannot create " + dir + ": " + CheckpointedFile.describe(e), e);
    }
    return new ExportWorkDir(dir, false, extension, 0, 0);
  }

  private static ExportWorkDir reopen(
      Path dir,
      Path manifestFile,
      String run,
      String extension,
      String listing,
      List<Target> targets) {
    if (!Files.isDirectory(dir)) {
      throw CliException.usage(
          "--resume: there is nothing to resume: "
              + dir
              + " does not exist (run without --resume)");
    }
    try {
      if (!Files.exists(manifestFile) && !hasParts(dir)) {
        // killed between creating the directory and writing its manifest: nothing was listed yet
        writeManifest(manifestFile, manifest(listing, targets));
      }
      List<String> lines = Files.readAllLines(manifestFile, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(VERSION)) {
        throw CliException.usage(
            "--resume: "
                + dir
                + " was written by another version of pcusage: delete it and start over");
      }
      if (lines.size() < 2 || !lines.get(1).equals(listing)) {
        throw CliException.usage(
            "--resume: "
                + dir
                + " belongs to another "
                + run
                + " (other window, options or format):"
                + " resume with the options that started it");
      }
      Set<String> before = new LinkedHashSet<>();
      for (String line : lines.subList(2, lines.size())) {
        if (line.startsWith("target=")) {
          before.add(line.substring("target=".length()));
        }
      }
      Set<String> now = new LinkedHashSet<>();
      for (Target t : targets) {
        now.add(t.customerId + "," + t.subscriptionId);
      }
      List<String> removed = new ArrayList<>(before);
      removed.removeAll(now);
      int added = 0;
      for (String pair : now) {
        added += before.contains(pair) ? 0 : 1;
      }
      ExportWorkDir work = new ExportWorkDir(dir, false, extension, added, removed.size());
      if (added > 0 || !removed.isEmpty()) {
        writeManifest(manifestFile, manifest(listing, targets));
        for (String pair : removed) {
          int comma = pair.indexOf(',');
          work.parts.delete(new Target(pair.substring(0, comma), pair.substring(comma + 1), 0));
        }
      }
      return work;
    } catch (IOException e) {
      throw CliException.file(
          "--resume: cannot read " + manifestFile + ": " + CheckpointedFile.describe(e), e);
    }
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

  /**
   * Deletes the directory, its manifest last: a kill in the middle leaves a directory that {@code
   * --resume} still accepts (it lists again what was deleted and rewrites the same output).
   */
  public void delete() {
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
