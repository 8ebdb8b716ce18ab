package io.github.pcusage.api;

import io.github.pcusage.testing.ApiDump;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public API is what {@code sdk/api/partner-center-usage.api} lists: every public or protected
 * type, constructor, method and field of {@code io.github.pcusage} and {@code
 * io.github.pcusage.model}. A change to the API fails this test until the dump is updated with
 * {@code mvn -pl sdk test -Dtest=ApiDumpTest -Dapi.dump.update=true}, so that every API change
 * shows in review.
 */
class ApiDumpTest {
  @Test
  void thePublicApiIsTheCommittedDump() throws Exception {
    ApiDump.assertMatches(
        "sdk",
        Paths.get("api", "partner-center-usage.api"),
        "ApiDumpTest",
        List.of("io.github.pcusage", "io.github.pcusage.model"));
  }
}
