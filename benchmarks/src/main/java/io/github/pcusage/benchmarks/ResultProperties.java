package io.github.pcusage.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The properties files the harnesses write ({@link ForkedJvm#save}), as {@link ReportTable} reads
 * them.
 */
final class ResultProperties {
  private ResultProperties() {}

  /** The properties in {@code file}, or {@code null} if there is no such file (a part not run). */
  static Properties read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }

  /** The number after a key's last dot: the record count of {@code liveHeapAfterGc.300000}. */
  static long suffix(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf('.') + 1));
  }
}
