package io.github.pcusage.reliability;

import com.squareup.moshi.JsonAdapter;
import io.github.pcusage.internal.json.PartnerCenterJson;
import io.github.pcusage.model.AzureUtilizationRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Digests of records by every field: the SHA-256 of the record re-encoded by the SDK's own {@link
 * PartnerCenterJson}, which writes every field it decoded. Two listings hold the same records when
 * their sorted digests are equal (a multiset comparison: order and page boundaries do not matter,
 * duplicates and losses do).
 */
final class RecordDigests {
  private static final JsonAdapter<AzureUtilizationRecord> ADAPTER =
      PartnerCenterJson.adapter(AzureUtilizationRecord.class);

  private RecordDigests() {}

  static String of(AzureUtilizationRecord record) {
    if (record == null) {
      throw new AssertionError("a listing returned a null record");
    }
    return HexFormat.of()
        .formatHex(sha256(ADAPTER.toJson(record).getBytes(StandardCharsets.UTF_8)));
  }

  /** One digest over the sorted digests: equal for equal multisets. */
  static String fingerprint(List<String> digests) {
    List<String> sorted = new ArrayList<>(digests);
    Collections.sort(sorted);
    return HexFormat.of()
        .formatHex(sha256(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8)));
  }

  /** How {@code got} differs from {@code expected}, as multisets. */
  static Diff diff(List<String> expected, List<String> got) {
    Map<String, Integer> counts = new HashMap<>();
    for (String d : expected) {
      counts.merge(d, 1, Integer::sum);
    }
    for (String d : got) {
      counts.merge(d, -1, Integer::sum);
    }
    long duplicates = 0;
    long losses = 0;
    for (int c : counts.values()) {
      if (c < 0) {
        duplicates += -c;
      } else {
        losses += c;
      }
    }
    return new Diff(duplicates, losses);
  }

  /** Records returned more often than expected (duplicates) and records missing (losses). */
  record Diff(long duplicates, long losses) {
    boolean exact() {
      return duplicates == 0 && losses == 0;
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
