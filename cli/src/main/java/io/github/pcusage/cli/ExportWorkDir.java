package io.github.pcusage.cli;

import io.github.pcusage.UtilizationQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The work directory of an {@code export}: one checkpointed part file per target, and a {@code
 * manifest} naming the export they belong to. It is {@code FILE.parts} with {@code --out FILE}
 * (kept on a failure, so that {@code --resume} continues it), or a temporary directory without.
 *
 * <p>The manifest is written atomically and deleted last, so a kill while the directory is being
 * created or deleted leaves one that {@code --resume} accepts.
 */
final class ExportWorkDir {
  private static final String MANIFEST = "manifest";

  final Path dir;
  final boolean temporary;

  private ExportWorkDir(Path dir, boolean temporary) {
    this.dir = dir;
    this.temporary = temporary;
  }

  /**
   * Returns the text of the manifest of an export: the listing (format, window, granularity,
   * details, page size) and its targets in order. {@code --resume} requires the same text.
   */
  static String manifest(OutputFormat format, UtilizationQuery query, List<Target> targets) {
    StringBuilder text = new StringBuilder("pcusage export manifest 1\n");
    text.append("listing=")
        .append(ListingOptions.fingerprint(format, true, "*", "*", query))
        .append('\n');
    for (Target t : targets) {
      text.append("target=").append(t.customerId).append(',').append(t.subscriptionId).append('\n');
    }
    return text.toString();
  }

  /**
   * Opens the work directory of {@code out} (null: a new temporary directory): creates it with its
   * manifest, or with {@code resume} checks that it holds the same manifest.
   *
   * @throws CliException a usage error when the directory exists without {@code resume}, is missing
   *     or belongs to another export with it; a file error when it cannot be created or read
   */
  static ExportWorkDir open(Path out, boolean resume, String manifest) {
    if (out == null) {
      try {
        return new ExportWorkDir(Files.createTempDirectory("pcusage-export-"), true);
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
          // killed between creating the directory and writing its manifest: nothing was listed yet
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
      return new ExportWorkDir(dir, false);
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
    return new ExportWorkDir(dir, false);
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

  /** Returns the part file of the target at {@code index} (0-based) of the targets file. */
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
