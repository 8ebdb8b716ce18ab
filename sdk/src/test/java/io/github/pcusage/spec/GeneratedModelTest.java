package io.github.pcusage.spec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pcusage.model.AzureInstanceData;
import io.github.pcusage.model.AzureResource;
import io.github.pcusage.model.Granularity;
import io.github.pcusage.model.HttpMethod;
import io.github.pcusage.model.KeyValuePair;
import io.github.pcusage.model.Link;
import io.github.pcusage.model.SeekOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the templates promise about every generated model, enum and interface. */
class GeneratedModelTest {
  private static final String SECRET = "eyJvZmZzZXQiOjJ9+a%3a%3d%3d";

  private static KeyValuePair token() {
    return KeyValuePair.builder().key("MS-ContinuationToken").value(SECRET).build();
  }

  private static List<Path> generatedJavaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SpecFiles.generatedSources())) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void keyValuePairToStringNeverPrintsTheValue() {
    assertThat(token().toString())
        .contains("MS-ContinuationToken")
        .doesNotContain(SECRET)
        .doesNotContain("eyJ");
  }

  @Test
  void linkToStringNeverPrintsItsHeaderValues() {
    Link link =
        Link.builder()
            .uri("customers/C/x")
            .method(HttpMethod.GET)
            .headers(List.of(token()))
            .build();

    assertThat(link.toString()).contains("customers/C/x").doesNotContain(SECRET);
  }

  @Test
  void keyValuePairToStringSaysWhenTheValueIsAbsent() {
    assertThat(KeyValuePair.builder().key("k").build().toString()).contains("value=null");
  }

  @Test
  void builderSetsEveryFieldAndToBuilderCopiesThem() {
    AzureResource resource =
        AzureResource.builder()
            .id("id")
            .name("name")
            .category("cat")
            .subcategory("sub")
            .region("West Europe")
            .build();

    AzureResource copy = resource.toBuilder().region("EU West").build();

    assertThat(resource.getId()).isEqualTo("id");
    assertThat(resource.getName()).isEqualTo("name");
    assertThat(resource.getCategory()).isEqualTo("cat");
    assertThat(resource.getSubcategory()).isEqualTo("sub");
    assertThat(resource.getRegion()).isEqualTo("West Europe");
    assertThat(copy.getId()).isEqualTo("id");
    assertThat(copy.getRegion()).isEqualTo("EU West");
  }

  @Test
  void equalsAndHashCodeCompareEveryField() {
    AzureResource resource = AzureResource.builder().id("id").name("name").build();

    assertThat(resource.toBuilder().build()).isEqualTo(resource).hasSameHashCodeAs(resource);
    assertThat(resource.toBuilder().name("other").build()).isNotEqualTo(resource);
    assertThat(resource.toBuilder().region("West Europe").build()).isNotEqualTo(resource);
    assertThat(resource).isNotEqualTo(null).isNotEqualTo("id");
  }

  @Test
  void listsAreUnmodifiable() {
    Link link = Link.builder().uri("u").headers(new ArrayList<>(List.of(token()))).build();

    assertThatThrownBy(() -> link.getHeaders().add(token()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapsAreUnmodifiable() {
    AzureInstanceData data =
        AzureInstanceData.builder().resourceUri("/s").tags(new HashMap<>(Map.of("a", "b"))).build();

    assertThatThrownBy(() -> data.getTags().put("c", "d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBuiltObjectDoesNotChangeWhenTheCallersListOrMapChanges() {
    List<KeyValuePair> headers = new ArrayList<>(List.of(token()));
    Map<String, String> tags = new HashMap<>(Map.of("a", "b"));
    Link link = Link.builder().uri("u").headers(headers).build();
    AzureInstanceData data = AzureInstanceData.builder().resourceUri("/s").tags(tags).build();

    headers.clear();
    tags.put("c", "d");

    assertThat(link.getHeaders()).containsExactly(token());
    assertThat(data.getTags()).containsExactly(Map.entry("a", "b"));
  }

  @Test
  void enumsDecodeUnknownValuesToUnknown() {
    assertThat(HttpMethod.fromValue("FETCH")).isEqualTo(HttpMethod.UNKNOWN);
    assertThat(Granularity.fromValue(null)).isEqualTo(Granularity.UNKNOWN);
    assertThat(SeekOperation.fromValue("Previous")).isEqualTo(SeekOperation.UNKNOWN);
  }

  @Test
  void enumsMatchTheirWireValueExactlyThenIgnoringCase() {
    assertThat(Granularity.fromValue("daily")).isEqualTo(Granularity.DAILY);
    assertThat(Granularity.fromValue("Daily")).isEqualTo(Granularity.DAILY);
    assertThat(SeekOperation.fromValue("next")).isEqualTo(SeekOperation.NEXT);
  }

  @Test
  void enumsPrintTheirWireValue() {
    // Retrofit sends a query enum through toString().
    assertThat(Granularity.HOURLY).hasToString("hourly");
    assertThat(SeekOperation.NEXT).hasToString("Next");
    assertThat(SeekOperation.NEXT.getValue()).isEqualTo("Next");
    assertThat(HttpMethod.UNKNOWN.getValue()).isNull();
  }

  @Test
  void everyGeneratedFileStartsWithTheDoNotEditHeader() throws IOException {
    List<Path> files = generatedJavaFiles();

    assertThat(files)
        .as("generated sources under %s", SpecFiles.generatedSources())
        .extracting(file -> file.getFileName().toString())
        .contains(
            "UtilizationApi.java", "UsageSummaryApi.java", "KeyValuePair.java", "Granularity.java");
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, UTF_8);
      assertThat(lines.get(0)).as(file.toString()).isEqualTo("/*");
      assertThat(lines.get(1)).as(file.toString()).isEqualTo(" * GENERATED FILE: DO NOT EDIT.");
    }
  }

  @Test
  void javadocShowsQuotesInDescriptionsWithoutJavaEscapes() throws IOException {
    List<String> escapedQuotes = new ArrayList<>();
    for (Path file : generatedJavaFiles()) {
      List<String> lines = Files.readAllLines(file, UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if ((line.startsWith("*") || line.startsWith("/**")) && line.contains("\\\"")) {
          escapedQuotes.add(file.getFileName() + ":" + (i + 1) + ": " + line);
        }
      }
    }

    assertThat(escapedQuotes).isEmpty();
  }

  @Test
  void javadocEscapesDescriptionTextAsHtml() throws IOException {
    Path throttlingError =
        SpecFiles.generatedSources().resolve("io/github/pcusage/model/ThrottlingError.java");

    // ThrottlingError.message's description is: What to do, for example "Rate limit is exceeded.
    // ..."
    assertThat(Files.readString(throttlingError, UTF_8))
        .contains(
            "* What to do, for example &quot;Rate limit is exceeded. Try again in 57 seconds.&quot;");
  }
}
