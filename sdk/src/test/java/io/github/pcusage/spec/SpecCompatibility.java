package io.github.pcusage.spec;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The spec compatibility check: compares a spec with the released baseline using openapi-diff,
 * renders the human-readable Markdown report, and lists each breaking change in one line (removed
 * operation, parameter, response, field or enum value, changed type or format, ...).
 */
final class SpecCompatibility {
  /** The outcome of one comparison. */
  static final class Result {
    final ChangedOpenApi diff;
    final List<String> breakingChanges;
    final String markdown;

    Result(ChangedOpenApi diff, List<String> breakingChanges, String markdown) {
      this.diff = diff;
      this.breakingChanges = Collections.unmodifiableList(breakingChanges);
      this.markdown = markdown;
    }

    boolean incompatible() {
      return diff.isIncompatible() || !breakingChanges.isEmpty();
    }

    /** A failure message for the build, naming every breaking change. */
    String failureMessage(Path baseline, Path current, Path report) {
      StringBuilder message = new StringBuilder();
      message
          .append(current.getFileName())
          .append(" has breaking changes against the released ")
          .append(baseline)
          .append(":\n");
      for (String change : breakingChanges) {
        message.append("  - ").append(change).append('\n');
      }
      message
          .append("The full report is in ")
          .append(report)
          .append(
              ".\nIf the break is intended, build with -Dspec.allowBreaking=true and note it in CHANGELOG.md.");
      return message.toString();
    }
  }

  private SpecCompatibility() {}

  /**
   * openapi-diff's rules, with one relaxation: a response enum may gain values, because every
   * generated enum decodes values it does not know to {@code UNKNOWN}.
   */
  private static final OpenApiDiffOptions OPTIONS =
      OpenApiDiffOptions.builder()
          .configProperty("incompatible.response.enum.increased", "false")
          .build();

  /**
   * Compares {@code current} with {@code baseline}. Breaking is what openapi-diff calls
   * incompatible, and also what breaks the generated Java API even where the wire stays compatible:
   * a removed field (a removed getter) and a removed enum value (a removed constant), in requests
   * and responses alike.
   */
  static Result compare(Path baseline, Path current) throws IOException {
    ChangedOpenApi diff =
        OpenApiCompare.fromLocations(
            baseline.toAbsolutePath().toString(),
            current.toAbsolutePath().toString(),
            null,
            OPTIONS);
    List<String> breaking = new ArrayList<>();
    for (Endpoint endpoint : diff.getMissingEndpoints()) {
      breaking.add("removed operation " + endpoint.getMethod() + " " + endpoint.getPathUrl());
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      describe(operation, breaking);
    }
    if (diff.isIncompatible() && breaking.isEmpty()) {
      breaking.add("an incompatible change openapi-diff does not itemise; see the report");
    }
    return new Result(diff, breaking, markdown(diff));
  }

  /**
   * Compares, writes the Markdown report to {@code report} whatever the outcome, and returns it.
   */
  static Result compareAndReport(Path baseline, Path current, Path report) throws IOException {
    Result result = compare(baseline, current);
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, result.markdown, UTF_8);
    return result;
  }

  /**
   * The build's gate: compares, always writes the report, and throws an {@link AssertionError}
   * naming every breaking change unless {@code allowBreaking}.
   */
  static Result check(Path baseline, Path current, Path report, boolean allowBreaking)
      throws IOException {
    Result result = compareAndReport(baseline, current, report);
    if (result.incompatible() && !allowBreaking) {
      throw new AssertionError(result.failureMessage(baseline, current, report));
    }
    return result;
  }

  private static String markdown(ChangedOpenApi diff) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(bytes, UTF_8)) {
      new MarkdownRender().render(diff, writer);
    }
    String rendered = bytes.toString(UTF_8);
    StringBuilder out = new StringBuilder("# Spec changes against the released baseline\n\n");
    if (diff.isUnchanged()) {
      out.append("No changes.\n");
    } else {
      out.append("Result: **")
          .append(diff.isIncompatible() ? "BREAKING" : "compatible")
          .append("**\n\n")
          .append(rendered);
    }
    return out.toString();
  }

  private static void describe(ChangedOperation operation, List<String> out) {
    String where = operation.getHttpMethod() + " " + operation.getPathUrl();
    ChangedParameters parameters = operation.getParameters();
    if (parameters != null && parameters.isDifferent()) {
      for (Parameter missing : parameters.getMissing()) {
        out.add(where + ": removed " + missing.getIn() + " parameter " + missing.getName());
      }
      for (Parameter added : parameters.getIncreased()) {
        if (Boolean.TRUE.equals(added.getRequired())) {
          out.add(where + ": added required " + added.getIn() + " parameter " + added.getName());
        }
      }
      for (ChangedParameter changed : parameters.getChanged()) {
        String name = where + ": " + changed.getIn() + " parameter " + changed.getName();
        int before = out.size();
        if (changed.isChangeRequired()
            && Boolean.TRUE.equals(changed.getNewParameter().getRequired())) {
          out.add(name + " became required");
        }
        if (changed.getSchema() != null) {
          describe(name, changed.getSchema(), out);
        }
        if (out.size() == before && changed.isIncompatible()) {
          out.add(name + " changed incompatibly (see the report)");
        }
      }
    }
    ChangedRequestBody body = operation.getRequestBody();
    if (body != null && body.isIncompatible()) {
      out.add(where + ": request body changed incompatibly (see the report)");
    }
    ChangedApiResponse responses = operation.getApiResponses();
    if (responses != null && responses.isDifferent()) {
      for (String status : responses.getMissing().keySet()) {
        out.add(where + ": removed response " + status);
      }
      for (Map.Entry<String, ChangedResponse> response : responses.getChanged().entrySet()) {
        String name = where + " " + response.getKey();
        int before = out.size();
        ChangedContent content = response.getValue().getContent();
        if (content != null) {
          for (String mediaType : content.getMissing().keySet()) {
            out.add(name + ": removed media type " + mediaType);
          }
          for (Map.Entry<String, ChangedMediaType> media : content.getChanged().entrySet()) {
            ChangedSchema schema = media.getValue().getSchema();
            if (schema != null) {
              describe(name + " " + media.getKey() + " $", schema, out);
            }
          }
        }
        if (out.size() == before && response.getValue().isIncompatible()) {
          out.add(name + ": changed incompatibly (see the report)");
        }
      }
    }
  }

  private static void describe(String where, ChangedSchema schema, List<String> out) {
    int before = out.size();
    if (schema.isChangedType()) {
      out.add(
          where
              + ": type changed from "
              + type(schema.getOldSchema())
              + " to "
              + type(schema.getNewSchema()));
    }
    if (schema.isChangeFormat()) {
      // The format picks the Java type (int32 Integer, int64 Long, date-time OffsetDateTime).
      out.add(
          where
              + ": format changed from "
              + format(schema.getOldSchema())
              + " to "
              + format(schema.getNewSchema()));
    }
    ChangedEnum<?> enumeration = schema.getEnumeration();
    if (enumeration != null) {
      if (!enumeration.getMissing().isEmpty()) {
        out.add(where + ": removed enum values " + enumeration.getMissing());
      }
      if (!enumeration.getIncreased().isEmpty() && enumeration.isIncompatible()) {
        out.add(where + ": added enum values " + enumeration.getIncreased());
      }
    }
    for (String property : schema.getMissingProperties().keySet()) {
      out.add(where + "." + property + ": removed field");
    }
    ChangedRequired required = schema.getRequired();
    if (required != null && required.isIncompatible()) {
      if (!required.getIncreased().isEmpty()) {
        out.add(where + ": fields became required " + required.getIncreased());
      }
      if (!required.getMissing().isEmpty()) {
        out.add(where + ": fields no longer required " + required.getMissing());
      }
    }
    if (out.size() == before && schema.isCoreChanged().isIncompatible()) {
      out.add(where + ": changed incompatibly (see the report)");
    }
    for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
      describe(where + "." + property.getKey(), property.getValue(), out);
    }
    if (schema.getItems() != null) {
      describe(where + "[]", schema.getItems(), out);
    }
    if (schema.getAddProp() != null) {
      describe(where + ".*", schema.getAddProp(), out);
    }
  }

  private static String type(Schema<?> schema) {
    return schema == null ? "none" : String.valueOf(schema.getType());
  }

  private static String format(Schema<?> schema) {
    return schema == null ? "none" : String.valueOf(schema.getFormat());
  }
}
