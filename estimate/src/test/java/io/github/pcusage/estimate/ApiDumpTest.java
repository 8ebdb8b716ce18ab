package io.github.pcusage.estimate;

import io.github.pcusage.testing.ApiDump;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's public API is what {@code estimate/api/partner-center-usage-estimate.api} lists;
 * update it with {@code mvn -pl estimate test -Dtest=ApiDumpTest -Dapi.dump.update=true}.
 */
class ApiDumpTest {
  @Test
  void thePublicApiIsTheCommittedDump() throws Exception {
    ApiDump.assertMatches(
        "estimate",
        Paths.get("api", "partner-center-usage-estimate.api"),
        "ApiDumpTest",
        List.of("io.github.pcusage.estimate"));
  }
}
