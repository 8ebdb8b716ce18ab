package io.github.pcusage.contract;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.allOf;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsRegexp;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.pathContains;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusIs;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage 2: every interaction of every pact written by the consumer tests agrees with the OpenAPI
 * spec, requests and responses, strict about required response fields.
 */
class PactsMatchTheSpecIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where the spec disagrees with the facts file (reported on STATUS by sandbox15, issue 5): no
   * code is documented for a 403 of the customer listing (facts 1.5), which the sandbox sends
   * without one, but PartnerCenterError requires a code. Only this message on that status and path
   * is tolerated; remove this once the spec makes the code optional there.
   */
  private static final ValidationErrorsWhitelist KNOWN_SPEC_ISSUES =
      ValidationErrorsWhitelist.create()
          .withRule(
              "customer listing 403 without a code",
              allOf(
                  pathContains("/customers"),
                  responseStatusIs(403),
                  messageContainsRegexp(
                      "(?s).*missing required properties \\(\\[\"code\"\\]\\).*")));

  static Path spec() {
    return Path.of(System.getProperty("spec.file", "../openapi/partner-center-usage.yaml"))
        .toAbsolutePath();
  }

  static List<Path> pacts() throws IOException {
    try (Stream<Path> files = Files.list(Contracts.pactDirectory())) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Validates one pact file against the spec, with missing required response fields as errors. */
  static PactProviderValidationResults validate(Path pact) throws MalformedURLException {
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(spec().toUri().toString())
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel(
                        "validation.response.body.schema.required", ValidationReport.Level.ERROR)
                    .withLevel("validation.response.body.missing", ValidationReport.Level.ERROR)
                    .build())
            .withWhitelist(KNOWN_SPEC_ISSUES)
            .build();
    return PactProviderValidator.createFor(validator)
        .withConsumer(Contracts.CONSUMER, pact.toUri().toURL())
        .build()
        .validate();
  }

  @Test
  void everyInteractionAgreesWithTheSpec() throws IOException {
    List<Path> pacts = pacts();
    assertThat(pacts).as("pact files in " + Contracts.pactDirectory()).isNotEmpty();
    int interactions = 0;
    for (Path pact : pacts) {
      PactProviderValidationResults results = validate(pact);
      assertThat(results.hasErrors())
          .as(pact + "\n" + results.getValidationFailureReport())
          .isFalse();
      interactions += JSON.readTree(pact.toFile()).path("interactions").size();
    }
    assertThat(interactions).as("interactions checked").isGreaterThanOrEqualTo(14 + 25);
  }

  /**
   * The validator checks the pacts' example values only; the rule on {@code size} must accept what
   * the spec accepts for that operation (1..1000 for utilization, 1..500 for customers), no more
   * and no less.
   */
  @Test
  void theSizeRuleAcceptsExactlyTheSpecsRange() throws IOException {
    OpenAPI api = api();
    Map<String, Schema<?>> rules = new LinkedHashMap<>();
    for (Path pact : pacts()) {
      for (JsonNode interaction : JSON.readTree(pact.toFile()).path("interactions")) {
        JsonNode request = interaction.path("request");
        if (request.path("query").has("size")) {
          JsonNode matchers =
              request.path("matchingRules").path("query").path("size").path("matchers");
          assertThat(matchers.size())
              .as(interaction.path("description").asText() + ": rules on size")
              .isEqualTo(1);
          rules.put(
              matchers.get(0).path("regex").asText(),
              sizeSchema(api, request.path("path").asText()));
        }
      }
    }
    assertThat(rules).as("interactions with a size").isNotEmpty();
    for (Map.Entry<String, Schema<?>> entry : rules.entrySet()) {
      Pattern rule = Pattern.compile(entry.getKey());
      int min = entry.getValue().getMinimum().intValueExact();
      int max = entry.getValue().getMaximum().intValueExact();
      List<Integer> wrong = new ArrayList<>();
      for (int n = -1; n <= 10 * max; n++) {
        if (rule.matcher(Integer.toString(n)).matches() != (n >= min && n <= max)) {
          wrong.add(n);
        }
      }
      assertThat(wrong)
          .as(
              "sizes the rule "
                  + entry.getKey()
                  + " gets wrong against the spec's "
                  + min
                  + ".."
                  + max)
          .isEmpty();
    }
  }

  private static OpenAPI api() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().read(spec().toUri().toString(), null, options);
    assertThat(api).as("the spec " + spec()).isNotNull();
    return api;
  }

  /** The schema of the {@code size} parameter of the operation whose path template matches. */
  private static Schema<?> sizeSchema(OpenAPI api, String requestPath) {
    return api.getPaths().entrySet().stream()
        .filter(e -> requestPath.matches(".*" + e.getKey().replaceAll("\\{[^}]+}", "[^/]+")))
        .map(e -> e.getValue().getGet())
        .filter(get -> get != null && get.getParameters() != null)
        .flatMap(get -> get.getParameters().stream())
        .filter(parameter -> "size".equals(parameter.getName()))
        .map(Parameter::getSchema)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no size parameter for " + requestPath));
  }

  @Test
  void aResponseFieldOfTheWrongTypeIsReported(@TempDir Path dir) throws IOException {
    assertReported(
        dir,
        "wrong-type",
        firstRecordOfPage(record -> record.put("quantity", "a lot")),
        "quantity");
  }

  @Test
  void aMissingRequiredResponseFieldIsReported(@TempDir Path dir) throws IOException {
    assertReported(
        dir,
        "missing-field",
        firstRecordOfPage(record -> record.remove("usageStartTime")),
        "usageStartTime");
  }

  @Test
  void anUnknownEnumValueInARequestIsReported(@TempDir Path dir) throws IOException {
    assertReported(
        dir,
        "unknown-enum",
        pact -> {
          for (JsonNode interaction : pact.path("interactions")) {
            JsonNode query = interaction.path("request").path("query");
            if (query.has("granularity")) {
              ((ObjectNode) query).set("granularity", JSON.createArrayNode().add("weekly"));
              ((ObjectNode) interaction.path("request")).remove("matchingRules");
              return;
            }
          }
          throw new AssertionError("no interaction with a granularity");
        },
        "weekly");
  }

  private static Consumer<ObjectNode> firstRecordOfPage(Consumer<ObjectNode> change) {
    return pact -> {
      for (JsonNode interaction : pact.path("interactions")) {
        JsonNode items = interaction.path("response").path("body").path("content").path("items");
        if (items.isArray() && items.size() > 0) {
          change.accept((ObjectNode) items.get(0));
          ((ObjectNode) interaction.path("response")).remove("matchingRules");
          return;
        }
      }
      throw new AssertionError("no interaction with records");
    };
  }

  private static void assertReported(
      Path dir, String name, Consumer<ObjectNode> change, String field) throws IOException {
    Path original = pacts().get(0);
    ObjectNode pact = (ObjectNode) JSON.readTree(original.toFile());
    change.accept(pact);
    Path broken = dir.resolve(name + ".json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(broken.toFile(), pact);

    PactProviderValidationResults results = validate(broken);

    assertThat(results.hasErrors()).as("the broken pact (" + name + ") is reported").isTrue();
    assertThat(results.getValidationFailureReport()).contains(field);
  }
}
