package dev.schemagate.cli;

import dev.schemagate.core.compat.Change;
import dev.schemagate.core.compat.CompatibilityResult;
import java.nio.file.Path;
import java.util.Locale;

/** What a person reads in a terminal or a PR log: a verdict line, then one line per change. */
final class TextReport {
  private TextReport() {}

  static String render(CompatibilityResult result, Path candidate) {
    StringBuilder out = new StringBuilder();
    long breaking = result.breakingChanges().size();
    long others = result.changes().size() - breaking;
    out.append(
        "%s: %s is %s at %s (%d breaking, %d other change%s; suggested version bump: %s)%n"
            .formatted(
                result.compatible() ? "OK" : "INCOMPATIBLE",
                candidate,
                result.compatible() ? "compatible" : "not compatible",
                result.level(),
                breaking,
                others,
                others == 1 ? "" : "s",
                result.suggestedBump().name().toLowerCase(Locale.ROOT)));
    for (Change change : result.changes()) {
      out.append(line(change)).append(System.lineSeparator());
    }
    return out.toString();
  }

  static String line(Change change) {
    String fix = change.suggestedFix().map(f -> " — fix: " + f).orElse("");
    return "%-8s %s %s: %s%s"
        .formatted(
            change.breaking() ? "BREAKING" : "ok",
            change.path(),
            change.type(),
            change.message(),
            fix);
  }
}
