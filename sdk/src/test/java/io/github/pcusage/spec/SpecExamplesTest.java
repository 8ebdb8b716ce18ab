package io.github.pcusage.spec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import io.github.pcusage.internal.json.PartnerCenterJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Every response example of the spec decodes into the generated model its schema names and
 * re-encodes without losing a value. Examples are read from the raw YAML (SnakeYAML's node tree),
 * not from Swagger Parser's objects, so that a 20-digit decimal keeps its exact text.
 */
class SpecExamplesTest {
  /**
   * One 200 of the utilization listing, two 200s of the usage summary, one 200 each of the customer
   * listing, the subscription listing and the rate card, seven shared error responses (400, 401,
   * 403, 404, 429, 500, 503).
   */
  private static final int EXPECTED_EXAMPLES = 13;

  private static final String JSON = "application/json";
  private static final List<String> MEDIA_TYPES =
      List.of(JSON, "text/json", "application/xml", "text/xml");

  private static final String MODEL_PACKAGE = "io.github.pcusage.model.";
  private static final String SCHEMA_REF = "#/components/schemas/";
  private static final String RESPONSE_REF = "#/components/responses/";
  private static final String EXAMPLE_REF = "#/components/examples/";
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  /** A response example: where it is, the schema it claims, and its JSON text. */
  static final class Example {
    final String location;
    final String schemaName;
    final String json;

    Example(String location, String schemaName, String json) {
      this.location = location;
      this.schemaName = schemaName;
      this.json = json;
    }
  }

  @Test
  void checksEveryResponseExampleOfTheSpec() throws IOException {
    List<Example> examples = responseExamples();

    assertThat(examples)
        .extracting(example -> example.schemaName)
        .hasSize(EXPECTED_EXAMPLES)
        .containsOnly(
            "AzureUtilizationRecordCollection",
            "SubscriptionUsageSummary",
            "CustomerCollection",
            "SubscriptionCollection",
            "AzureRateCard",
            "PartnerCenterError",
            "ThrottlingError",
            "ServiceUnavailableError");
  }

  @Test
  void everyOperationResponseWithABodyHasAnExample() throws IOException {
    MappingNode root = loadSpec();
    List<String> withoutExample = new ArrayList<>();
    for (NodeTuple path : tuples(mapping(get(root, "paths")))) {
      for (NodeTuple operation : tuples(mapping(path.getValueNode()))) {
        if (!HTTP_METHODS.contains(text(operation.getKeyNode()))) {
          continue;
        }
        for (NodeTuple response :
            tuples(mapping(get(mapping(operation.getValueNode()), "responses")))) {
          MappingNode body = resolveResponse(root, mapping(response.getValueNode()));
          Node content = get(body, "content");
          if (content == null) {
            continue;
          }
          for (NodeTuple mediaType : tuples(mapping(content))) {
            if (!JSON.equals(text(mediaType.getKeyNode()))) {
              continue; // the other media types describe the same schema; the SDK asks for JSON
            }
            MappingNode media = mapping(mediaType.getValueNode());
            if (get(media, "example") == null && get(media, "examples") == null) {
              withoutExample.add(text(path.getKeyNode()) + " " + text(response.getKeyNode()));
            }
          }
        }
      }
    }

    assertThat(withoutExample).isEmpty();
  }

  @Test
  void everyBodyIsDocumentedForEachMediaTypeTheServiceOffersWithOneSchema() throws IOException {
    MappingNode root = loadSpec();
    List<MappingNode> responses = new ArrayList<>();
    for (NodeTuple path : tuples(mapping(get(root, "paths")))) {
      for (NodeTuple operation : tuples(mapping(path.getValueNode()))) {
        if (HTTP_METHODS.contains(text(operation.getKeyNode()))) {
          for (NodeTuple response :
              tuples(mapping(get(mapping(operation.getValueNode()), "responses")))) {
            responses.add(resolveResponse(root, mapping(response.getValueNode())));
          }
        }
      }
    }
    int bodies = 0;
    for (MappingNode response : responses) {
      Node content = get(response, "content");
      if (content == null) {
        continue;
      }
      bodies++;
      List<String> types = new ArrayList<>();
      List<String> schemas = new ArrayList<>();
      for (NodeTuple mediaType : tuples(mapping(content))) {
        types.add(text(mediaType.getKeyNode()));
        schemas.add(text(get(mapping(get(mapping(mediaType.getValueNode()), "schema")), "$ref")));
      }
      assertThat(types).containsExactlyElementsOf(MEDIA_TYPES);
      assertThat(schemas).as("one schema for every media type").containsOnly(schemas.get(0));
    }
    assertThat(bodies).isGreaterThanOrEqualTo(16);
  }

  @TestFactory
  Stream<DynamicTest> everyResponseExampleDecodesAndReencodesWithoutLosingAValue()
      throws IOException {
    Set<String> stringOrNumberMembers = stringOrNumberMembers(loadSpec());
    return responseExamples().stream()
        .map(
            example ->
                dynamicTest(
                    example.location + " as " + example.schemaName,
                    () -> assertRoundTrip(example, stringOrNumberMembers)));
  }

  private static void assertRoundTrip(Example example, Set<String> stringOrNumberMembers)
      throws Exception {
    Class<?> model = Class.forName(MODEL_PACKAGE + example.schemaName);
    JsonAdapter<Object> adapter = PartnerCenterJson.adapter(model);

    Object decoded = adapter.fromJson(example.json);
    assertThat(decoded).isInstanceOf(model);
    String reencoded = adapter.toJson(decoded);

    assertThat(
            JsonTrees.differences(
                JsonTrees.parse(example.json), JsonTrees.parse(reencoded), stringOrNumberMembers))
        .as("%s%n  example:    %s%n  re-encoded: %s", example.location, example.json, reencoded)
        .isEmpty();
    assertThat(adapter.fromJson(reencoded)).as("decoding the re-encoded JSON").isEqualTo(decoded);
  }

  /** Every example of every response body, in the operations and in components/responses. */
  static List<Example> responseExamples() throws IOException {
    MappingNode root = loadSpec();
    List<Example> examples = new ArrayList<>();
    for (NodeTuple path : tuples(mapping(get(root, "paths")))) {
      for (NodeTuple operation : tuples(mapping(path.getValueNode()))) {
        String method = text(operation.getKeyNode());
        if (!HTTP_METHODS.contains(method)) {
          continue;
        }
        for (NodeTuple response :
            tuples(mapping(get(mapping(operation.getValueNode()), "responses")))) {
          MappingNode body = mapping(response.getValueNode());
          if (get(body, "$ref") != null) {
            continue; // a shared response: collected once, from components/responses, below
          }
          String where =
              method.toUpperCase(Locale.ROOT)
                  + " "
                  + text(path.getKeyNode())
                  + " "
                  + text(response.getKeyNode());
          collect(root, where, body, examples);
        }
      }
    }
    Node sharedResponses = get(mapping(get(root, "components")), "responses");
    if (sharedResponses != null) {
      for (NodeTuple response : tuples(mapping(sharedResponses))) {
        collect(
            root,
            "components/responses/" + text(response.getKeyNode()),
            mapping(response.getValueNode()),
            examples);
      }
    }
    return examples;
  }

  private static void collect(
      MappingNode root, String where, MappingNode response, List<Example> out) throws IOException {
    Node content = get(response, "content");
    if (content == null) {
      return;
    }
    for (NodeTuple mediaType : tuples(mapping(content))) {
      if (!JSON.equals(text(mediaType.getKeyNode()))) {
        continue;
      }
      String location = where + " " + text(mediaType.getKeyNode());
      MappingNode media = mapping(mediaType.getValueNode());
      String schemaName = schemaName(location, media);
      Node example = get(media, "example");
      if (example != null) {
        out.add(new Example(location, schemaName, toJson(example)));
      }
      Node named = get(media, "examples");
      if (named != null) {
        for (NodeTuple entry : tuples(mapping(named))) {
          MappingNode exampleObject = resolveExample(root, mapping(entry.getValueNode()));
          Node value = get(exampleObject, "value");
          assertThat(value)
              .as("%s example %s has a value", location, text(entry.getKeyNode()))
              .isNotNull();
          out.add(
              new Example(
                  location + " (" + text(entry.getKeyNode()) + ")", schemaName, toJson(value)));
        }
      }
    }
  }

  private static String schemaName(String location, MappingNode media) {
    Node schema = get(media, "schema");
    assertThat(schema).as("%s has a schema", location).isNotNull();
    Node ref = get(mapping(schema), "$ref");
    assertThat(ref).as("%s: the body schema is a $ref to a named schema", location).isNotNull();
    String target = text(ref);
    assertThat(target)
        .as("%s: the body schema is a $ref to a named schema", location)
        .startsWith(SCHEMA_REF);
    return target.substring(SCHEMA_REF.length());
  }

  private static MappingNode resolveResponse(MappingNode root, MappingNode response) {
    Node ref = get(response, "$ref");
    if (ref == null) {
      return response;
    }
    String target = text(ref);
    assertThat(target).startsWith(RESPONSE_REF);
    Node resolved =
        get(
            mapping(get(mapping(get(root, "components")), "responses")),
            target.substring(RESPONSE_REF.length()));
    assertThat(resolved).as("the target of %s", target).isNotNull();
    return mapping(resolved);
  }

  private static MappingNode resolveExample(MappingNode root, MappingNode example) {
    Node ref = get(example, "$ref");
    if (ref == null) {
      return example;
    }
    String target = text(ref);
    assertThat(target).startsWith(EXAMPLE_REF);
    Node resolved =
        get(
            mapping(get(mapping(get(root, "components")), "examples")),
            target.substring(EXAMPLE_REF.length()));
    assertThat(resolved).as("the target of %s", target).isNotNull();
    return mapping(resolved);
  }

  /** The names of schema properties typed as the string-or-number ErrorCode. */
  private static Set<String> stringOrNumberMembers(MappingNode root) {
    Set<String> names = new LinkedHashSet<>();
    for (NodeTuple schema : tuples(mapping(get(mapping(get(root, "components")), "schemas")))) {
      Node properties = get(mapping(schema.getValueNode()), "properties");
      if (properties == null) {
        continue;
      }
      for (NodeTuple property : tuples(mapping(properties))) {
        Node ref =
            property.getValueNode() instanceof MappingNode
                ? get(mapping(property.getValueNode()), "$ref")
                : null;
        if (ref != null && text(ref).equals(SCHEMA_REF + "ErrorCode")) {
          names.add(text(property.getKeyNode()));
        }
      }
    }
    return names;
  }

  // --- raw YAML -----------------------------------------------------------------------------

  private static MappingNode loadSpec() throws IOException {
    try (Reader reader = Files.newBufferedReader(SpecFiles.spec(), UTF_8)) {
      return mapping(new Yaml().compose(reader));
    }
  }

  private static MappingNode mapping(Node node) {
    assertThat(node).isInstanceOf(MappingNode.class);
    return (MappingNode) node;
  }

  private static List<NodeTuple> tuples(MappingNode node) {
    return node.getValue();
  }

  private static Node get(MappingNode node, String key) {
    for (NodeTuple tuple : node.getValue()) {
      if (key.equals(text(tuple.getKeyNode()))) {
        return tuple.getValueNode();
      }
    }
    return null;
  }

  private static String text(Node node) {
    assertThat(node).isInstanceOf(ScalarNode.class);
    return ((ScalarNode) node).getValue();
  }

  /** Writes a YAML node as JSON text, keeping every number scalar's text exactly as written. */
  static String toJson(Node node) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(node, writer);
    }
    return buffer.readUtf8();
  }

  private static void write(Node node, JsonWriter writer) throws IOException {
    if (node instanceof MappingNode) {
      writer.beginObject();
      for (NodeTuple tuple : ((MappingNode) node).getValue()) {
        writer.name(text(tuple.getKeyNode()));
        write(tuple.getValueNode(), writer);
      }
      writer.endObject();
    } else if (node instanceof SequenceNode) {
      writer.beginArray();
      for (Node item : ((SequenceNode) node).getValue()) {
        write(item, writer);
      }
      writer.endArray();
    } else {
      ScalarNode scalar = (ScalarNode) node;
      String value = scalar.getValue();
      Tag tag = scalar.getTag();
      if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
        assertThat(value).as("YAML number %s is also a JSON number", value).matches(JSON_NUMBER);
        try (BufferedSink sink = writer.valueSink()) {
          sink.writeUtf8(value);
        }
      } else if (Tag.BOOL.equals(tag)) {
        assertThat(value)
            .as("YAML boolean %s is written true or false", value)
            .isIn("true", "false");
        writer.value(Boolean.parseBoolean(value));
      } else if (Tag.NULL.equals(tag)) {
        writer.nullValue();
      } else {
        assertThat(tag).as("scalar %s is a string", value).isEqualTo(Tag.STR);
        writer.value(value);
      }
    }
  }

  @Test
  void yamlNumbersBecomeJsonNumbersWithTheirExactText() throws IOException {
    Node node =
        new Yaml()
            .compose(
                new java.io.StringReader(
                    "a: 24.000000000000000000\nb: 120.56829999999959047160\nc: '7'\nd: [true, null]\n"));

    assertThat(toJson(node))
        .isEqualTo(
            "{\"a\":24.000000000000000000,\"b\":120.56829999999959047160,\"c\":\"7\",\"d\":[true,null]}");
  }

  @Test
  void examplesKeepTheirHighPrecisionDecimalsDigitForDigit() throws IOException {
    String all =
        responseExamples().stream().map(example -> example.json).collect(Collectors.joining("\n"));

    assertThat(all)
        .contains("\"quantity\":0.027483999999999993")
        .contains("\"quantity\":24.000000000000000000")
        .contains("\"totalCost\":120.56829999999959047160")
        .contains("\"usdTotalCost\":131.40000000000000012345")
        .contains("\"51200.0000000000\":0.0598");
  }
}
