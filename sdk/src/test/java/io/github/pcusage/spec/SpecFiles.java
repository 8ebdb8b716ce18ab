package io.github.pcusage.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the spec, its baseline and the generated sources are, found from the {@code sdk} module
 * whether the tests run from Maven (working directory {@code sdk/}) or from the repository root.
 */
final class SpecFiles {
  private SpecFiles() {}

  /** The {@code sdk} module directory. */
  static Path sdkDir() {
    String basedir = System.getProperty("basedir");
    if (basedir != null && isSdkDir(Path.of(basedir))) {
      return Path.of(basedir).toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (isSdkDir(cwd)) {
      return cwd;
    }
    if (isSdkDir(cwd.resolve("sdk"))) {
      return cwd.resolve("sdk");
    }
    throw new IllegalStateException("Cannot find the sdk module from " + cwd);
  }

  private static boolean isSdkDir(Path dir) {
    return Files.isRegularFile(dir.resolve("pom.xml"))
        && Files.isRegularFile(dir.resolve("../openapi/partner-center-usage.yaml"));
  }

  /** {@code openapi/partner-center-usage.yaml}: the spec the SDK is generated from. */
  static Path spec() {
    return sdkDir().resolve("../openapi/partner-center-usage.yaml").normalize();
  }

  /** {@code openapi/baseline/partner-center-usage.yaml}: the released spec. */
  static Path baseline() {
    return sdkDir().resolve("../openapi/baseline/partner-center-usage.yaml").normalize();
  }

  /** The Java sources OpenAPI Generator wrote for this build. */
  static Path generatedSources() {
    return sdkDir().resolve("target/generated-sources/openapi/src/main/java");
  }

  /** The module's build directory, {@code sdk/target}. */
  static Path target() {
    return sdkDir().resolve("target");
  }
}
