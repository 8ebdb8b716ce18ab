package io.github.pcusage.spec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec changes are safe: the spec is compared with the released baseline on every build, the report
 * is always written to {@code sdk/target/spec-changes.md}, and a breaking change fails the build
 * unless {@code -Dspec.allowBreaking=true}.
 */
class SpecCompatibilityTest {
  private static final String UTILIZATIONS =
      "/customers/{customer_id}/subscriptions/{subscription_id}/utilizations/azure";
  private static final String USAGE_SUMMARY =
      "/customers/{customer_id}/subscriptions/{subscription_id}/usagesummary";

  @TempDir Path tempDir;

  @Test
  void specHasNoBreakingChangeAgainstTheReleasedBaseline() throws IOException {
    Path report = SpecFiles.target().resolve("spec-changes.md");

    SpecCompatibility.check(
        SpecFiles.baseline(),
        SpecFiles.spec(),
        report,
        Boolean.parseBoolean(System.getProperty("spec.allowBreaking")));

    assertThat(report).isNotEmptyFile();
  }

  /** A copy of the spec with one edit, which must apply exactly once. */
  private Path editedSpec(String find, String replacement) throws IOException {
    String text = Files.readString(SpecFiles.spec(), UTF_8);
    assertThat(text).as("the spec holds the text to edit").containsOnlyOnce(find);
    Path copy = tempDir.resolve("edited.yaml");
    Files.writeString(copy, text.replace(find, replacement), UTF_8);
    return copy;
  }

  private static SpecCompatibility.Result againstBaseline(Path edited) throws IOException {
    return SpecCompatibility.compare(SpecFiles.baseline(), edited);
  }

  @Test
  void anUnchangedSpecIsCompatible() throws IOException {
    Path copy = tempDir.resolve("copy.yaml");
    Files.copy(SpecFiles.spec(), copy);

    SpecCompatibility.Result result = againstBaseline(copy);

    assertThat(result.incompatible()).isFalse();
    assertThat(result.breakingChanges).isEmpty();
  }

  @Test
  void detectsARemovedOperation() throws IOException {
    String text = Files.readString(SpecFiles.spec(), UTF_8);
    int start = text.indexOf("  " + USAGE_SUMMARY + ":\n");
    int end = text.indexOf("\ncomponents:\n");
    assertThat(start).isPositive();
    Path edited = tempDir.resolve("without-usage-summary.yaml");
    Files.writeString(edited, text.substring(0, start) + text.substring(end + 1), UTF_8);

    SpecCompatibility.Result result = againstBaseline(edited);

    assertThat(result.incompatible()).isTrue();
    assertThat(result.breakingChanges).contains("removed operation GET " + USAGE_SUMMARY);
  }

  @Test
  void detectsARemovedParameter() throws IOException {
    Path edited =
        editedSpec(
            "        - name: size\n          in: query\n          required: false\n"
                + "          description: The largest number of records in one page, from 1 to 1000. The default is 1000.\n"
                + "          schema:\n            type: integer\n            format: int32\n            minimum: 1\n"
                + "            maximum: 1000\n            default: 1000\n",
            "");

    SpecCompatibility.Result result = againstBaseline(edited);

    assertThat(result.incompatible()).isTrue();
    assertThat(result.breakingChanges)
        .contains("GET " + UTILIZATIONS + ": removed query parameter size");
  }

  @Test
  void detectsARemovedResponseField() throws IOException {
    Path edited =
        editedSpec(
            "        unit:\n          type: string\n          nullable: true\n          description: The unit of the quantity, for example 1 Hour or 1 GB/Month.\n",
            "");

    SpecCompatibility.Result result = againstBaseline(edited);

    assertThat(result.incompatible()).isTrue();
    assertThat(result.breakingChanges)
        .anySatisfy(
            change ->
                assertThat(change)
                    .startsWith("GET " + UTILIZATIONS + " 200")
                    .endsWith(".items[].unit: removed field"));
  }

  @Test
  void detectsAChangedFieldType() throws IOException {
    Path edited =
        editedSpec(
            "        quantity:\n          type: number\n",
            "        quantity:\n          type: string\n");

    SpecCompatibility.Result result = againstBaseline(edited);

    assertThat(result.incompatible()).isTrue();
    assertThat(result.breakingChanges)
        .anySatisfy(
            change ->
                assertThat(change)
                    .contains(".items[].quantity: type changed from number to string"));
  }

  @Test
  void detectsARemovedEnumValue() throws IOException {
    Path edited = editedSpec("      enum: [daily, hourly]\n", "      enum: [daily]\n");

    SpecCompatibility.Result result = againstBaseline(edited);

    assertThat(result.incompatible()).isTrue();
    assertThat(result.breakingChanges)
        .anySatisfy(
            change ->
                assertThat(change)
                    .contains("query parameter granularity")
                    .contains("removed enum values [hourly]"));
  }

  @Test
  void detectsARemovedResponseEnumValue() throws IOException {
    Path edited =
        editedSpec(
            "      enum: [GET, POST, PUT, PATCH, DELETE, HEAD]\n",
            "      enum: [GET, POST, PUT, PATCH, DELETE]\n");

    SpecCompatibility.Result result = againstBaseline(edited);

    assertThat(result.incompatible()).isTrue();
    assertThat(result.breakingChanges)
        .anySatisfy(
            change ->
                assertThat(change)
                    .contains("$.links.")
                    .endsWith(".method: removed enum values [HEAD]"));
  }

  @Test
  void acceptsAnAddedResponseEnumValueBecauseEnumsFallBackToUnknown() throws IOException {
    Path edited =
        editedSpec(
            "      enum: [GET, POST, PUT, PATCH, DELETE, HEAD]\n",
            "      enum: [GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS]\n");

    SpecCompatibility.Result result = againstBaseline(edited);

    assertThat(result.breakingChanges).isEmpty();
    assertThat(result.incompatible()).isFalse();
  }

  @Test
  void acceptsAnAddedOptionalResponseField() throws IOException {
    Path edited =
        editedSpec(
            "        unit:\n          type: string\n          nullable: true\n"
                + "          description: The unit of the quantity,",
            "        meterCategoryV2:\n          type: string\n          description: A new optional field.\n"
                + "        unit:\n          type: string\n          nullable: true\n"
                + "          description: The unit of the quantity,");

    SpecCompatibility.Result result = againstBaseline(edited);

    assertThat(result.incompatible()).isFalse();
    assertThat(result.diff.isDifferent()).isTrue();
  }

  @Test
  void theGateFailsOnABreakingChangeAndWritesTheReportFirst() throws IOException {
    Path edited =
        editedSpec(
            "        quantity:\n          type: number\n",
            "        quantity:\n          type: string\n");
    Path report = tempDir.resolve("report.md");

    assertThatThrownBy(() -> SpecCompatibility.check(SpecFiles.baseline(), edited, report, false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("type changed from number to string")
        .hasMessageContaining("-Dspec.allowBreaking=true");
    assertThat(Files.readString(report, UTF_8)).contains("BREAKING");
  }

  @Test
  void theGateLetsABreakingChangePassWhenAllowed() throws IOException {
    Path edited =
        editedSpec(
            "        quantity:\n          type: number\n",
            "        quantity:\n          type: string\n");
    Path report = tempDir.resolve("report.md");

    SpecCompatibility.Result result =
        SpecCompatibility.check(SpecFiles.baseline(), edited, report, true);

    assertThat(result.incompatible()).isTrue();
    assertThat(report).isNotEmptyFile();
  }

  @Test
  void failureMessageNamesEveryBreakingChangeAndTheWayOut() throws IOException {
    Path edited = editedSpec("      enum: [daily, hourly]\n", "      enum: [daily]\n");
    Path report = tempDir.resolve("spec-changes.md");

    SpecCompatibility.Result result =
        SpecCompatibility.compareAndReport(SpecFiles.baseline(), edited, report);

    assertThat(result.failureMessage(SpecFiles.baseline(), edited, report))
        .contains("breaking changes")
        .contains("removed enum values [hourly]")
        .contains(report.toString())
        .contains("-Dspec.allowBreaking=true");
    assertThat(Files.readString(report, UTF_8)).contains("BREAKING").contains("granularity");
  }
}
