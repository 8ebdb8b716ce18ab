package io.github.pcusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code cli/target/pcusage.jar} as a separate process ({@code java -jar}), with
 * stdout and stderr going to files and only the environment given (plus {@code PATH}).
 */
final class JarProcess implements AutoCloseable {
  /** Where failsafe says the shaded jar is (see cli/pom.xml). */
  static final Path JAR =
      Path.of(System.getProperty("pcusage.jar", "target/pcusage.jar")).toAbsolutePath();

  final Process process;
  final Path stdout;
  final Path stderr;

  private JarProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static JarProcess start(Path workDir, String name, Map<String, String> env, List<String> args)
      throws IOException {
    return start(workDir, name, env, List.of(), args);
  }

  static JarProcess start(
      Path workDir,
      String name,
      Map<String, String> env,
      List<String> jvmOptions,
      List<String> args)
      throws IOException {
    assertThat(JAR)
        .as("the shaded jar (mvn package builds it before failsafe runs)")
        .isRegularFile();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(args);
    Path out = workDir.resolve(name + ".stdout");
    Path err = workDir.resolve(name + ".stderr");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    String path = environment.get("PATH");
    environment.clear();
    if (path != null) {
      environment.put("PATH", path);
    }
    environment.putAll(env);
    return new JarProcess(builder.start(), out, err);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * SIGKILL (on Linux, {@link Process#destroyForcibly()}), then waits for the process to be gone.
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the killed process is gone").isTrue();
    return process.exitValue();
  }

  /**
   * SIGTERM ({@link Process#destroy()}): shutdown hooks run; then waits for the process to be gone.
   */
  int terminate() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the terminated process is gone").isTrue();
    return process.exitValue();
  }

  /** Waits for the process to exit by itself. */
  int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "pcusage did not finish within " + timeout + "; stderr:\n" + stderrText());
    }
    return process.exitValue();
  }

  String stdoutText() {
    return read(stdout);
  }

  String stderrText() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** Kills the process if it still runs: every test closes its processes in a finally. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
