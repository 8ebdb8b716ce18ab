package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./pcusage} launcher, run by bash in a copy of the checkout's layout with the packaged
 * jar and a stand-in {@code mvn} on the PATH (it records its arguments, prints the OpenAPI
 * generator's banner and colour codes, and touches the jar): it rebuilds only when a source under
 * sdk, sandbox, cli, openapi or generator-templates, or a pom.xml, is newer than the jar, never
 * with {@code install}, and keeps Maven's output off the terminal unless the build fails.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "pcusage").toAbsolutePath().normalize();
  private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant JAR_TIME = Instant.parse("2026-02-01T00:00:00Z");
  private static final String BANNER =
      "############################################################################################\n"
          + "# Thanks for using OpenAPI Generator.                                                      #\n"
          + "############################################################################################\n";

  @TempDir Path tmp;
  Path root;
  Path bin;
  Path jar;
  Path mvnArgs;

  @BeforeEach
  void checkout() throws IOException {
    root = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(LAUNCHER, root.resolve("pcusage"));
    for (String source :
        List.of(
            "pom.xml",
            "sdk/pom.xml",
            "sdk/src/main/java/A.java",
            "sandbox/src/main/java/B.java",
            "cli/src/main/java/C.java",
            "cli/README.md",
            "openapi/partner-center.yaml",
            "generator-templates/api.mustache",
            "cli/target/classes/C.class",
            "docs/notes.md")) {
      Path file = root.resolve(source);
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      Files.setLastModifiedTime(file, FileTime.from(OLD));
    }
    jar = root.resolve("cli/target/pcusage.jar");
    Files.copy(JarProcess.JAR, jar);
    Files.setLastModifiedTime(jar, FileTime.from(JAR_TIME));
    bin = Files.createDirectories(tmp.resolve("bin"));
    mvnArgs = tmp.resolve("mvn-args.txt");
    Path mvn = bin.resolve("mvn");
    Files.writeString(
        mvn,
        "#!/usr/bin/env bash\n"
            + "echo \"$*\" >> '"
            + mvnArgs
            + "'\n"
            + "printf '%s' '"
            + BANNER
            + "'\n"
            + "printf '\\033[0m\\033[1;31mcolour\\033[0m\\n' >&2\n"
            + "if [[ -n \"${STUB_MVN_FAILS:-}\" ]]; then echo '[ERROR] the stand-in build failed'; exit 1; fi\n"
            + "touch cli/target/pcusage.jar\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void runsTheJarWithoutBuildingWhenNoSourceIsNewer() throws Exception {
    Run run = launch(Map.of());

    assertThat(run.code).as(run.stderr).isZero();
    assertThat(run.stdout).startsWith("pcusage ");
    assertThat(run.stderr).isEmpty();
    assertThat(mvnArgs).doesNotExist();
  }

  @Test
  void rebuildsWithPackageWhenASourceIsNewerAndKeepsMavensOutputOffTheTerminal() throws Exception {
    for (String source :
        List.of(
            "openapi/partner-center.yaml",
            "generator-templates/api.mustache",
            "sdk/src/main/java/A.java",
            "sandbox/src/main/java/B.java",
            "cli/README.md",
            "sdk/pom.xml",
            "pom.xml")) {
      Files.deleteIfExists(mvnArgs);
      Files.setLastModifiedTime(jar, FileTime.from(JAR_TIME));
      Files.setLastModifiedTime(root.resolve(source), FileTime.from(JAR_TIME.plusSeconds(60)));

      Run run = launch(Map.of());

      assertThat(run.code).as(run.stderr).isZero();
      assertThat(run.stdout).as(source).startsWith("pcusage ").doesNotContain("OpenAPI");
      assertThat(run.stderr)
          .as(source)
          .contains("building")
          .contains(source + " is newer than the jar")
          .doesNotContain("OpenAPI Generator")
          .doesNotContain("\u001b");
      assertThat(Files.readAllLines(mvnArgs))
          .as(source)
          .containsExactly("-B -ntp -q -Dstyle.color=never -DskipTests package -pl cli -am");
      Files.setLastModifiedTime(root.resolve(source), FileTime.from(OLD));
    }
  }

  @Test
  void buildOutputUnderTargetAndFilesOutsideTheModulesDoNotTriggerABuild() throws Exception {
    Files.setLastModifiedTime(
        root.resolve("cli/target/classes/C.class"), FileTime.from(JAR_TIME.plusSeconds(60)));
    Files.setLastModifiedTime(
        root.resolve("docs/notes.md"), FileTime.from(JAR_TIME.plusSeconds(60)));

    Run run = launch(Map.of());

    assertThat(run.code).as(run.stderr).isZero();
    assertThat(mvnArgs).doesNotExist();
  }

  @Test
  void aFailedBuildShowsMavensMessagesWithoutBannerOrColourCodes() throws Exception {
    Files.delete(jar);

    Run run = launch(Map.of("STUB_MVN_FAILS", "1"));

    assertThat(run.code).isEqualTo(1);
    assertThat(run.stdout).isEmpty();
    assertThat(run.stderr)
        .contains("first use")
        .contains("[ERROR] the stand-in build failed")
        .contains("the build failed")
        .doesNotContain("OpenAPI Generator")
        .doesNotContain("\u001b");
  }

  private Run launch(Map<String, String> env) throws Exception {
    Path out = tmp.resolve("launcher.stdout");
    Path err = tmp.resolve("launcher.stderr");
    ProcessBuilder builder =
        new ProcessBuilder("bash", root.resolve("pcusage").toString(), "--version")
            .directory(tmp.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    String path = environment.get("PATH");
    environment.clear();
    environment.put(
        "PATH",
        bin
            + ":"
            + Path.of(System.getProperty("java.home"), "bin")
            + (path == null ? "" : ":" + path));
    environment.put("TMPDIR", tmp.toString());
    environment.putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Run(int code, String stdout, String stderr) {}
}
