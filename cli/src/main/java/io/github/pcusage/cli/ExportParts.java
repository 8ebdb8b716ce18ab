package io.github.pcusage.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Properties;

/**
 * The files of one target in an export's work directory, named after its customer/subscription pair
 * (a hash of it, so that any id makes a file name and a reordered or edited targets file finds its
 * parts): {@code KEY.jsonl} (or {@code .csv}) with its {@code .partial} and {@code .checkpoint},
 * and {@code KEY.failed} when it failed for a reason retrying cannot fix.
 */
final class ExportParts {
  private final Path dir;
  private final String extension;

  ExportParts(Path dir, String extension) {
    this.dir = dir;
    this.extension = extension;
  }

  /** Returns the part file of {@code target}. */
  Path part(Target target) {
    return dir.resolve(key(target) + "." + extension);
  }

  private Path failedFile(Target target) {
    return dir.resolve(key(target) + ".failed");
  }

  /** Saves that {@code result} failed (mode 0600, replaced atomically). */
  void saveFailure(TargetResult result) throws IOException {
    Properties p = new Properties();
    p.setProperty("message", result.message);
    p.setProperty("http_status", Integer.toString(result.httpStatus));
    p.setProperty("error_code", result.errorCode == null ? "" : result.errorCode);
    p.setProperty("request_id", result.requestId == null ? "" : result.requestId);
    StringWriter text = new StringWriter();
    p.store(text, "pcusage export: this target failed; --resume --retry-failed retries it");
    Path file = failedFile(result.target);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Checkpoint.createPrivate(tmp);
    Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    Checkpoint.moveAtomically(tmp, file);
  }

  /** Returns what an earlier run saved of the failure of {@code target}, or null. */
  Properties readFailure(Target target) throws IOException {
    Path file = failedFile(target);
    if (!Files.exists(file)) {
      return null;
    }
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    return p;
  }

  void clearFailure(Target target) throws IOException {
    Files.deleteIfExists(failedFile(target));
  }

  /** Deletes every file of {@code target}. */
  void delete(Target target) throws IOException {
    Path part = part(target);
    Files.deleteIfExists(failedFile(target));
    Files.deleteIfExists(CheckpointedFile.partialOf(part));
    Files.deleteIfExists(part);
    Files.deleteIfExists(CheckpointedFile.checkpointOf(part));
  }

  static String key(Target target) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash =
          sha.digest(
              (target.customerId + "\n" + target.subscriptionId).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        hex.append(String.format("%02x", hash[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e); // every Java has it
    }
  }
}
