package io.github.pcusage.cli;

import io.github.pcusage.Continuation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An output file written as {@code FILE.partial} with {@code FILE.checkpoint} beside it, updated
 * after every page (the page's bytes are forced to disk first, so the checkpoint never runs ahead
 * of the data). {@link #finish()} marks the checkpoint complete, renames the partial file to {@code
 * FILE} atomically and deletes the checkpoint (or keeps it, completed, for export parts). The
 * partial file and the checkpoint are private (mode 0600); a finished {@code FILE} gets the umask's
 * permissions, an export's part stays private.
 *
 * <p>A resumed file is truncated to the checkpoint's offset, so bytes written after the last
 * checkpoint (a kill in the middle of a page) disappear and the finished file is byte-identical to
 * the one an uninterrupted run writes.
 */
public final class CheckpointedFile implements PageSink, AutoCloseable {
  final Path target;
  final Path partial;
  final Path checkpointPath;
  private final String fingerprint;
  private final boolean keepCheckpoint;
  private FileChannel channel;
  private Continuation resumeFrom;
  private boolean complete;
  private long offset;
  private long records;
  private long pages;

  private CheckpointedFile(Path target, String fingerprint, boolean keepCheckpoint) {
    this.target = target;
    this.partial = partialOf(target);
    this.checkpointPath = checkpointOf(target);
    this.fingerprint = fingerprint;
    this.keepCheckpoint = keepCheckpoint;
  }

  /**
   * Returns the partial file of an output.
   *
   * @param target the output
   * @return {@code FILE.partial}
   */
  public static Path partialOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".partial");
  }

  static Path checkpointOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".checkpoint");
  }

  /** Starts a new file; {@code option} names the option for messages. */
  static CheckpointedFile create(
      Path target, String option, String fingerprint, byte[] header, boolean keepCheckpoint) {
    CheckpointedFile file = new CheckpointedFile(target, fingerprint, keepCheckpoint);
    if (Files.exists(file.partial) || Files.exists(file.checkpointPath)) {
      throw CliException.usage(
          option
              + ": "
              + file.partial
              + " exists from an interrupted run: add --resume to continue it, or delete "
              + file.partial
              + " and "
              + file.checkpointPath
              + " to start over");
    }
    if (Files.isDirectory(target)) {
      throw CliException.file(option + ": " + target + " is a directory", null);
    }
    try {
      // The checkpoint first: whatever a kill leaves behind, --resume finds it.
      file.saveCheckpoint();
      file.start(header);
    } catch (IOException e) {
      file.close();
      throw CliException.file(option + ": cannot write " + file.partial + ": " + describe(e), e);
    }
    return file;
  }

  /** Writes a new partial file holding only {@code header}, and a checkpoint after it. */
  private void start(byte[] header) throws IOException {
    Files.deleteIfExists(partial);
    Checkpoint.createPrivate(partial);
    channel = FileChannel.open(partial, StandardOpenOption.WRITE);
    offset = 0;
    ByteBuffer bytes = ByteBuffer.wrap(header);
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    offset += header.length;
    channel.force(false);
    saveCheckpoint();
  }

  /**
   * Reopens an interrupted file at its checkpoint. A file with no page written yet (killed while it
   * was being created) starts again from {@code header}.
   */
  static CheckpointedFile resume(
      Path target, String option, String fingerprint, byte[] header, boolean keepCheckpoint) {
    CheckpointedFile file = new CheckpointedFile(target, fingerprint, keepCheckpoint);
    if (!Files.exists(file.checkpointPath)) {
      throw CliException.usage(
          "--resume: there is nothing to resume: "
              + file.checkpointPath
              + " does not exist (run without --resume)");
    }
    Checkpoint saved;
    try {
      saved = Checkpoint.read(file.checkpointPath);
    } catch (IOException e) {
      throw CliException.file(
          "--resume: cannot read " + file.checkpointPath + ": " + describe(e), e);
    }
    if (!saved.fingerprint.equals(fingerprint)) {
      throw CliException.usage(
          "--resume: "
              + file.checkpointPath
              + " belongs to another listing ("
              + saved.fingerprint
              + "): resume with the options that started it");
    }
    file.records = saved.records;
    file.pages = saved.pages;
    file.offset = saved.offset;
    file.complete = saved.complete;
    if (saved.complete && !Files.exists(file.partial) && Files.exists(target)) {
      return file; // finished but for deleting the checkpoint
    }
    if (saved.pages == 0 && !saved.complete) {
      try {
        file.start(header);
      } catch (IOException e) {
        file.close();
        throw CliException.file("--resume: cannot write " + file.partial + ": " + describe(e), e);
      }
      return file;
    }
    try {
      long size = Files.size(file.partial);
      if (size < saved.offset) {
        throw CliException.file(
            "--resume: "
                + file.partial
                + " holds "
                + size
                + " bytes, fewer than its checkpoint's "
                + saved.offset
                + ": delete it and its checkpoint and start over",
            null);
      }
      file.channel = FileChannel.open(file.partial, StandardOpenOption.WRITE);
      file.channel.truncate(saved.offset);
      file.channel.position(saved.offset);
    } catch (IOException e) {
      file.close();
      throw CliException.file("--resume: cannot reopen " + file.partial + ": " + describe(e), e);
    }
    if (saved.continuation != null) {
      try {
        file.resumeFrom = Continuation.parse(saved.continuation);
      } catch (IllegalArgumentException e) {
        file.close();
        throw CliException.file(
            "--resume: " + file.checkpointPath + " is damaged: " + e.getMessage(), e);
      }
    }
    return file;
  }

  /** Returns where to continue the listing: null for its first page (or when complete). */
  Continuation resumeFrom() {
    return resumeFrom;
  }

  /** Returns whether every page has been written (only {@link #finish()} is left). */
  boolean isComplete() {
    return complete;
  }

  long records() {
    return records;
  }

  long pages() {
    return pages;
  }

  @Override
  public void page(PageBuffer data, int pageRecords, Continuation next) {
    try {
      append(data);
      channel.force(false);
      records += pageRecords;
      pages++;
      resumeFrom = next;
      complete = next == null;
      saveCheckpoint();
    } catch (IOException e) {
      throw CliException.file("cannot write " + partial + ": " + describe(e), e);
    }
  }

  /** Renames the partial file to the target and settles the checkpoint. */
  void finish() {
    try {
      closeChannel();
      if (!complete) {
        complete = true;
        saveCheckpoint();
      }
      if (Files.exists(partial)) {
        if (keepCheckpoint) {
          Checkpoint.moveAtomically(partial, target); // an export's part stays private
        } else {
          Checkpoint.publish(partial, target);
        }
      }
      if (!keepCheckpoint) {
        Files.deleteIfExists(checkpointPath);
      }
    } catch (IOException e) {
      throw CliException.file("cannot finish " + target + ": " + describe(e), e);
    }
  }

  /** Closes the file, leaving the partial file and the checkpoint in place. */
  @Override
  public void close() {
    try {
      closeChannel();
    } catch (IOException e) {
      // the checkpoint is what counts; nothing more to do
    }
  }

  private void closeChannel() throws IOException {
    if (channel != null) {
      FileChannel c = channel;
      channel = null;
      c.close();
    }
  }

  private void append(PageBuffer data) throws IOException {
    data.writeTo(channel);
    offset += data.size();
  }

  private void saveCheckpoint() throws IOException {
    new Checkpoint(
            fingerprint,
            resumeFrom == null ? null : resumeFrom.encode(),
            records,
            pages,
            offset,
            complete)
        .write(checkpointPath);
  }

  /**
   * Describes a file error in words.
   *
   * @param e the error
   * @return for example {@code access denied (/out/x)}
   */
  public static String describe(IOException e) {
    String message = e.getMessage();
    String kind =
        e.getClass()
            .getSimpleName()
            .replace("NoSuchFileException", "no such file or directory")
            .replace("AccessDeniedException", "access denied")
            .replace("FileSystemException", "file system error");
    return message == null ? kind : kind + " (" + message + ")";
  }
}
