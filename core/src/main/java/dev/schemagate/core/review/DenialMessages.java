package dev.schemagate.core.review;

import dev.schemagate.core.compat.Change;
import dev.schemagate.core.compat.CompatibilityLevel;
import java.util.List;

/**
 * Renders denials short enough for kubectl's one-error output: at most {@link #MAX_CHANGES}
 * changes, each on its own line with its path and fix, then "and N more".
 */
final class DenialMessages {
  static final int MAX_CHANGES = 8;
  private static final int MAX_LINE = 240;

  private DenialMessages() {}

  static String incompatible(
      String subject, CompatibilityLevel level, SubjectHistory history, List<Change> breaking) {
    StringBuilder out =
        new StringBuilder()
            .append("schema for subject \"")
            .append(subject)
            .append("\" is not ")
            .append(level)
            .append(" compatible with ")
            .append(against(level, history))
            .append(": ")
            .append(breaking.size())
            .append(breaking.size() == 1 ? " breaking change" : " breaking changes");
    breaking.stream().limit(MAX_CHANGES).forEach(change -> out.append("\n- ").append(line(change)));
    if (breaking.size() > MAX_CHANGES) {
      out.append("\n- and ")
          .append(breaking.size() - MAX_CHANGES)
          .append(" more (schemagate compat lists them all)");
    }
    return out.toString();
  }

  private static String against(CompatibilityLevel level, SubjectHistory history) {
    List<SubjectHistory.Version> versions = history.versions();
    if (!level.isTransitive() || versions.size() == 1) {
      return "version " + versions.getLast().number();
    }
    return "versions " + versions.getFirst().number() + "-" + versions.getLast().number();
  }

  private static String line(Change change) {
    String text =
        change.path()
            + ": "
            + change.message()
            + change.suggestedFix().map(fix -> " (fix: " + fix + ")").orElse("");
    return text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE - 3) + "...";
  }
}
