package io.github.pcusage.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Where a listing written to a file stands: which listing (its fingerprint), the SDK continuation
 * of the next page ({@code null} for the first page), the records and pages written, and the byte
 * offset of the output file up to which they are. Stored as {@code key=value} lines, replaced
 * atomically, mode 0600 where POSIX permissions exist (the continuation holds Partner Center's
 * continuation token).
 */
public final class Checkpoint {
  static final String FORMAT_VERSION = "1";

  final String fingerprint;
  final String continuation;
  final long records;
  final long pages;
  final long offset;
  final boolean complete;

  Checkpoint(
      String fingerprint,
      String continuation,
      long records,
      long pages,
      long offset,
      boolean complete) {
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint == null");
    this.continuation = continuation;
    this.records = records;
    this.pages = pages;
    this.offset = offset;
    this.complete = complete;
  }

  /** Writes the checkpoint to {@code path} atomically (temporary file, then rename). */
  void write(Path path) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("# pcusage checkpoint: resume with the same command and --resume\n");
    text.append("version=").append(FORMAT_VERSION).append('\n');
    text.append("listing=").append(fingerprint).append('\n');
    text.append("state=").append(complete ? "complete" : "listing").append('\n');
    text.append("continuation=").append(continuation == null ? "" : continuation).append('\n');
    text.append("records=").append(records).append('\n');
    text.append("pages=").append(pages).append('\n');
    text.append("offset=").append(offset).append('\n');
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.write(
        createPrivate(tmp),
        text.toString().getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.WRITE);
    moveAtomically(tmp, path);
  }

  static Checkpoint read(Path path) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(path, StandardCharsets.UTF_8)));
    if (!FORMAT_VERSION.equals(p.getProperty("version"))) {
      throw new IOException("not a pcusage checkpoint of version " + FORMAT_VERSION);
    }
    String fingerprint = p.getProperty("listing");
    String state = p.getProperty("state");
    if (fingerprint == null || state == null) {
      throw new IOException("the checkpoint is damaged: a field is missing");
    }
    String continuation = p.getProperty("continuation", "");
    try {
      return new Checkpoint(
          fingerprint,
          continuation.isEmpty() ? null : continuation,
          Long.parseLong(p.getProperty("records", "")),
          Long.parseLong(p.getProperty("pages", "")),
          Long.parseLong(p.getProperty("offset", "")),
          state.equals("complete"));
    } catch (NumberFormatException e) {
      throw new IOException("the checkpoint is damaged: " + e.getMessage(), e);
    }
  }

  /**
   * Creates an empty file readable and writable by its owner only (where POSIX permissions exist).
   *
   * @param path the file, which must not exist
   * @return {@code path}
   * @throws IOException if it cannot be created
   */
  public static Path createPrivate(Path path) throws IOException {
    if (Files.getFileStore(path.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
      FileAttribute<?> mode =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
      return Files.createFile(path, mode);
    }
    return Files.createFile(path);
  }

  /**
   * Renames a finished private file (a {@code .partial}, mode 0600) into place as {@code to} with
   * the permissions a new file gets there (the umask's, and the directory's default ACL), the way
   * any program's output file gets them.
   *
   * @param from the finished private file
   * @param to where it goes
   * @throws IOException if it cannot be moved
   */
  public static void publish(Path from, Path to) throws IOException {
    Path dir = to.toAbsolutePath().getParent();
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(from, newFilePermissions(dir, to.getFileName().toString()));
    }
    moveAtomically(from, to);
  }

  /** Creates and deletes an empty file in {@code dir} to learn the permissions of a new file. */
  private static Set<PosixFilePermission> newFilePermissions(Path dir, String name)
      throws IOException {
    Path probe = dir.resolve(name + ".mode.tmp");
    Files.deleteIfExists(probe);
    Files.createFile(probe);
    try {
      return Files.getPosixFilePermissions(probe);
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
