package dev.schemagate.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * When the data on the contract's topic counts as drifted ({@code schemagate monitor}, the SDK's
 * {@code DriftPolicy}, same names): the window, how often to compare, default thresholds and
 * per-field overrides. Unset values take the monitor's defaults (window 10000, step 1000, psi 0.2,
 * ks 0.2, nullRate 0.1, newCategoryShare 0.05, no ksPValue test).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
    value = "!has(self.step) || !has(self.window) || self.step <= self.window",
    message = "spec.drift.step must not be larger than spec.drift.window")
// on the class: a rule on a record component is emitted twice by the generator
@ValidationRule(
    value =
        "!has(self.fields) || self.fields.all(f, self.fields.exists_one(g, g.field == f.field))",
    message = "spec.drift.fields names a field twice")
public record Drift(
    @Min(10)
        @JsonPropertyDescription(
            "Records per window; the first window is the baseline, later ones slide over it.")
        Integer window,
    @Min(1) @JsonPropertyDescription("Compare with the baseline every STEP records.") Integer step,
    @Min(value = 0, inclusive = false)
        @Max(100)
        @JsonPropertyDescription(
            "Population stability index above which a field's distribution has shifted.")
        Double psi,
    @Min(value = 0, inclusive = false)
        @Max(1)
        @JsonPropertyDescription(
            "Kolmogorov-Smirnov statistic D (0-1) above which a number field" + " has shifted.")
        Double ks,
    @Min(value = 0, inclusive = false)
        @Max(1)
        @JsonPropertyDescription("Absolute change of the null rate (0-1) that counts as drift.")
        Double nullRate,
    @Min(value = 0, inclusive = false)
        @Max(1)
        @JsonPropertyDescription(
            "Share (0-1) of a text field's values that the baseline never saw, above which it"
                + " has drifted.")
        Double newCategoryShare,
    @Min(value = 0, inclusive = false)
        @Max(value = 1, inclusive = false)
        @JsonPropertyDescription(
            "Optional: a number field whose Kolmogorov-Smirnov p-value falls below this has"
                + " shifted (off when unset; large windows make small shifts significant).")
        Double ksPValue,
    @Size(max = 100)
        @JsonPropertyDescription(
            "Per-field thresholds (dotted paths for nested fields); unset ones take the defaults.")
        List<FieldDrift> fields) {

  /** The fields the per-field thresholds name, in order: checked against the schema. */
  @JsonIgnore
  public List<String> fieldNames() {
    return fields == null ? List.of() : fields.stream().map(FieldDrift::field).toList();
  }

  /** One field's thresholds. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldDrift(
      @io.fabric8.generator.annotation.Required
          @Size(min = 1, max = 512)
          @JsonPropertyDescription("The field, e.g. amount or customer.country.")
          String field,
      @Min(value = 0, inclusive = false) @Max(100) Double psi,
      @Min(value = 0, inclusive = false) @Max(1) Double ks,
      @Min(value = 0, inclusive = false) @Max(1) Double nullRate,
      @Min(value = 0, inclusive = false) @Max(1) Double newCategoryShare,
      @Min(value = 0, inclusive = false) @Max(value = 1, inclusive = false) Double ksPValue) {}
}
