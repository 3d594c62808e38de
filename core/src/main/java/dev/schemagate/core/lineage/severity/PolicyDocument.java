package dev.schemagate.core.lineage.severity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.schemagate.core.lineage.AssetKind;
import dev.schemagate.core.lineage.Criticality;
import dev.schemagate.core.lineage.LineageException;
import dev.schemagate.core.lineage.TransformationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The policy as written in a file: every field optional here, validated into the real record. */
record PolicyDocument(
    List<RuleDocument> rules, Map<TransformationType, Double> weights, Severity blockAt) {
  record RuleDocument(
      String name,
      Severity severity,
      Set<AssetKind> kinds,
      Set<Criticality> criticalities,
      Set<String> environments,
      Double atLeast) {}

  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  static SeverityPolicy read(String text) throws LineageException {
    if (text == null || text.isBlank()) {
      throw invalid("severity policy is empty");
    }
    PolicyDocument doc;
    try {
      doc = YAML.readValue(text, PolicyDocument.class);
    } catch (InvalidFormatException e) {
      throw invalid(
          "severity policy: "
              + e.getValue()
              + " is not a valid value at "
              + path(e)
              + (e.getTargetType().isEnum()
                  ? " (one of "
                      + java.util.Arrays.toString(e.getTargetType().getEnumConstants())
                      + ")"
                  : ""));
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      Class<?> target = e.getTargetType();
      String expected =
          target == null
              ? "a different shape"
              : java.util.Collection.class.isAssignableFrom(target)
                  ? "a list"
                  : target.isRecord() || Map.class.isAssignableFrom(target)
                      ? "a mapping"
                      : target.getSimpleName();
      throw invalid("severity policy: unexpected value at " + path(e) + ", expected " + expected);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw invalid("severity policy: " + e.getOriginalMessage() + " at " + path(e));
    } catch (JsonProcessingException e) {
      throw invalid("severity policy is not valid YAML: " + e.getOriginalMessage());
    }
    if (doc == null) {
      throw invalid("severity policy is empty");
    }
    List<SeverityRule> rules = new ArrayList<>();
    List<RuleDocument> given = doc.rules() == null ? List.of() : doc.rules();
    for (int i = 0; i < given.size(); i++) {
      RuleDocument r = given.get(i);
      String where = "rules[" + i + "]";
      if (r == null || r.severity() == null) {
        throw invalid("severity policy: " + where + " has no severity");
      }
      double atLeast = r.atLeast() == null ? 1.0 : r.atLeast();
      if (!(atLeast > 0)) {
        throw invalid("severity policy: " + where + ".atLeast must be positive, was " + atLeast);
      }
      rules.add(
          new SeverityRule(
              r.name() == null ? where : r.name(),
              r.severity(),
              r.kinds() == null ? Set.of() : r.kinds(),
              r.criticalities() == null ? Set.of() : r.criticalities(),
              r.environments() == null ? Set.of() : r.environments(),
              atLeast));
    }
    Map<TransformationType, Double> weights = doc.weights() == null ? Map.of() : doc.weights();
    for (var w : weights.entrySet()) {
      if (w.getValue() == null || w.getValue() < 0) {
        throw invalid("severity policy: weights." + w.getKey() + " must be zero or more");
      }
    }
    return new SeverityPolicy(
        rules, weights, doc.blockAt() == null ? Severity.CRITICAL : doc.blockAt());
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? "the top level" : out.toString();
  }

  private static LineageException invalid(String message) {
    return new LineageException(LineageException.Reason.INVALID_POLICY, message);
  }
}
