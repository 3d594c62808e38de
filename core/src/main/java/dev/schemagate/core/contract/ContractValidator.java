package dev.schemagate.core.contract;

import dev.schemagate.core.contract.Contract.Consumer;
import dev.schemagate.core.contract.Contract.QualityRule;
import dev.schemagate.core.review.Decision;
import dev.schemagate.core.review.DenialReason;
import dev.schemagate.core.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a contract against the schema it names: every field it mentions exists (top-level or
 * nested path), every rule's parameters suit the rule, the owner is given. Pure: no I/O.
 */
public final class ContractValidator {
  static final int MAX_LISTED = 10;

  private ContractValidator() {}

  /** Every problem, in spec order; empty when the contract is valid. */
  public static List<ContractViolation> validate(Contract contract, List<SchemaField> schema) {
    Set<String> paths = schema.stream().map(SchemaField::path).collect(Collectors.toSet());
    List<ContractViolation> problems = new ArrayList<>();
    if (contract.owner().isEmpty() || contract.owner().get().team().isBlank()) {
      problems.add(new ContractViolation("owner.team", "is required: who answers for this data"));
    }
    for (int i = 0; i < contract.fields().size(); i++) {
      field(contract.fields().get(i).name(), "fields[" + i + "].name", paths, problems);
    }
    for (int i = 0; i < contract.quality().size(); i++) {
      QualityRule rule = contract.quality().get(i);
      String path = "quality[" + i + "]";
      if (rule.field().isPresent()) {
        field(rule.field().get(), path + ".field", paths, problems);
      } else if (rule.rule().needsField()) {
        problems.add(
            new ContractViolation(
                path + ".field", rule.rule().wireName() + " needs the field it applies to"));
      }
      problems.addAll(RuleParams.check(rule.rule(), rule.params(), path + ".params"));
    }
    for (int i = 0; i < contract.consumers().size(); i++) {
      Consumer consumer = contract.consumers().get(i);
      for (int f = 0; f < consumer.fields().size(); f++) {
        field(
            consumer.fields().get(f), "consumers[%d].fields[%d]".formatted(i, f), paths, problems);
      }
    }
    return problems;
  }

  /**
   * The fields a DataContract's drift thresholds name ({@code spec.drift.fields[i].field}, dotted
   * paths for nested ones, as the monitor reports them) must exist: a threshold on a misspelt field
   * would never apply. Null entries (refused by the CRD) are skipped.
   */
  public static List<ContractViolation> driftFields(List<String> fields, List<SchemaField> schema) {
    Set<String> paths = schema.stream().map(SchemaField::path).collect(Collectors.toSet());
    List<ContractViolation> problems = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i) != null) {
        field(fields.get(i), "drift.fields[" + i + "].field", paths, problems);
      }
    }
    return problems;
  }

  /** The decision for a contract on {@code schema}, with every problem in the message. */
  public static Decision review(Contract contract, ParsedSchema schema) {
    return review(contract, schema, List.of());
  }

  /** The same, also checking the fields its drift thresholds name (see {@link #driftFields}). */
  public static Decision review(Contract contract, ParsedSchema schema, List<String> driftFields) {
    List<SchemaField> fields = SchemaFields.of(schema);
    List<ContractViolation> problems = new ArrayList<>(validate(contract, fields));
    problems.addAll(driftFields(driftFields, fields));
    if (problems.isEmpty()) {
      return contract.quality().isEmpty()
          ? Decision.allow(List.of("the contract declares no quality rules"))
          : Decision.allow();
    }
    return Decision.deny(DenialReason.INVALID_CONTRACT, message(contract, problems));
  }

  /** A denial message for {@code problems}, capped for kubectl's output. */
  public static String message(Contract contract, List<ContractViolation> problems) {
    return message(contract.schemaRef(), problems);
  }

  /** The same, for a contract that could not even be read (see {@link ContractReader}). */
  public static String message(String schemaRef, List<ContractViolation> problems) {
    StringBuilder out =
        new StringBuilder("data contract for schema \"")
            .append(schemaRef)
            .append("\" is invalid: ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems");
    problems.stream().limit(MAX_LISTED).forEach(p -> out.append("\n- ").append(p));
    if (problems.size() > MAX_LISTED) {
      out.append("\n- and ").append(problems.size() - MAX_LISTED).append(" more");
    }
    return out.toString();
  }

  private static void field(
      String name, String path, Set<String> known, List<ContractViolation> problems) {
    if (!known.contains(name)) {
      problems.add(
          new ContractViolation(
              path, "field '%s' is not in the schema%s".formatted(name, hint(name, known))));
    }
  }

  /** A near miss, so that a typo or a missing parent path is obvious. */
  private static String hint(String name, Set<String> known) {
    String leaf = name.substring(name.lastIndexOf('.') + 1);
    return known.stream()
        .filter(k -> k.equalsIgnoreCase(name) || k.equals(leaf) || k.endsWith("." + leaf))
        .sorted()
        .findFirst()
        .map(k -> " (did you mean '" + k + "'?)")
        .orElse("");
  }
}
