package io.github.pcusage.spec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecParsingTest {
  @TempDir Path tempDir;

  private static SwaggerParseResult parse(Path spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readLocation(spec.toAbsolutePath().toString(), null, options);
  }

  private Path brokenCopy(String find, String replacement) throws IOException {
    String text = Files.readString(SpecFiles.spec(), UTF_8);
    assertThat(text).as("the spec holds the text to break").containsOnlyOnce(find);
    Path copy = tempDir.resolve("partner-center-usage.yaml");
    Files.writeString(copy, text.replace(find, replacement), UTF_8);
    return copy;
  }

  @Test
  void specParsesWithZeroMessages() {
    SwaggerParseResult result = parse(SpecFiles.spec());

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    assertThat(result.getOpenAPI().getPaths()).hasSize(5);
  }

  @Test
  void baselineParsesWithZeroMessages() {
    SwaggerParseResult result = parse(SpecFiles.baseline());

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
  }

  @Test
  void specParsesWithZeroMessagesThroughTheGenericParserToo() {
    // The entry point OpenAPI Generator uses.
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIParser().readLocation(SpecFiles.spec().toUri().toString(), null, options);

    assertThat(result.getMessages()).isEmpty();
  }

  @Test
  void reportsARefToAMissingSchema() throws IOException {
    Path broken =
        brokenCopy(
            "        resource:\n          $ref: '#/components/schemas/AzureResource'\n",
            "        resource:\n          $ref: '#/components/schemas/NoSuchResource'\n");

    SwaggerParseResult result = parse(broken);

    assertThat(result.getMessages())
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("AzureUtilizationRecord")
                    .contains("NoSuchResource")
                    .contains("is not of type `schema`"));
  }

  @Test
  void reportsAResponseWithoutDescription() throws IOException {
    Path broken = brokenCopy("          description: One page of utilization records.\n", "");

    SwaggerParseResult result = parse(broken);

    assertThat(result.getMessages())
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("utilizations/azure")
                    .contains("responses.200.description is missing"));
  }

  @Test
  void reportsAParameterWithoutLocation() throws IOException {
    Path broken =
        brokenCopy(
            "        - name: show_details\n          in: query\n",
            "        - name: show_details\n");

    SwaggerParseResult result = parse(broken);

    assertThat(result.getMessages())
        .anySatisfy(
            message -> assertThat(message).contains("parameters.[show_details].in is missing"));
  }
}
