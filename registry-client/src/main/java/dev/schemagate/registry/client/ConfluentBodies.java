package dev.schemagate.registry.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.SchemaReference;
import java.util.List;

/** The JSON bodies of the Confluent Schema Registry REST API, as records. */
final class ConfluentBodies {
  private ConfluentBodies() {}

  record Reference(String name, String subject, int version) {
    static Reference of(SchemaReference ref) {
      return new Reference(ref.name(), ref.subject(), ref.version());
    }

    SchemaReference toReference() {
      return new SchemaReference(name, subject, version);
    }
  }

  /** Request body of register, lookup and compatibility; Confluent omits schemaType for AVRO. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record SchemaRequest(String schema, String schemaType, List<Reference> references) {
    static SchemaRequest of(SchemaSubmission submission) {
      return new SchemaRequest(
          submission.schema(),
          submission.format() == SchemaFormat.AVRO ? null : submission.format().name(),
          submission.references().stream().map(Reference::of).toList());
    }
  }

  /** Answer of GET /schemas/ids/{id}, GET /subjects/{s}/versions/{v} and POST /subjects/{s}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record SchemaAnswer(
      String subject,
      Integer id,
      Integer version,
      String schemaType,
      String schema,
      List<Reference> references) {
    List<SchemaReference> referenceList() {
      return references == null
          ? List.of()
          : references.stream().map(Reference::toReference).toList();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  /** A registration's answer; Confluent added {@code version} in 7.4. */
  record IdAnswer(Integer id, Integer version) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CompatibilityAnswer(
      @JsonProperty("is_compatible") Boolean compatible, List<String> messages) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ConfigAnswer(String compatibilityLevel, String compatibility) {
    String level() {
      return compatibilityLevel != null ? compatibilityLevel : compatibility;
    }
  }

  record ConfigRequest(String compatibility) {}

  /** Body of a registration with an explicit id (IMPORT mode). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SchemaWithIdRequest(
      String schema, String schemaType, List<Reference> references, Integer id) {
    static SchemaWithIdRequest of(SchemaSubmission submission, int id) {
      SchemaRequest plain = SchemaRequest.of(submission);
      return new SchemaWithIdRequest(plain.schema(), plain.schemaType(), plain.references(), id);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ModeAnswer(String mode) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ErrorAnswer(@JsonProperty("error_code") Integer errorCode, String message) {}
}
