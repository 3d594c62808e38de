package dev.schemagate.operator.dataschema;

import dev.schemagate.crds.v1alpha1.BreakingChange;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the registry's compatibility messages (one per breaking change, as the verbose
 * compatibility endpoint and a 409 return them) into {@link BreakingChange}s. A message that starts
 * with a path ({@code /fields/amount: ...}) keeps it; a {@code fix:} tail becomes the fix.
 */
final class RegistryMessages {
  private static final Pattern PATH = Pattern.compile("^\\s*(/[^\\s:]*)\\s*[:\\-]?\\s*(.*)$");
  private static final Pattern FIX =
      Pattern.compile(
          "^(.*?)[\\s;.(]*(?:suggested fix|fix)\\s*:\\s*(.+?)\\)?\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern KIND =
      Pattern.compile(
          "^\\s*(?:(?:backward|forward)\\s*:\\s*)?\\[?([A-Z][A-Z_]+)\\]?\\s*[:\\-]?\\s*(.*)$");

  private RegistryMessages() {}

  static List<BreakingChange> toChanges(List<String> messages) {
    return messages.stream().filter(m -> !m.isBlank()).map(RegistryMessages::toChange).toList();
  }

  static BreakingChange toChange(String message) {
    String rest = message.strip();
    String path = null;
    Matcher pathMatch = PATH.matcher(rest);
    if (pathMatch.matches()) {
      path = pathMatch.group(1);
      rest = pathMatch.group(2);
    }
    String kind = null;
    Matcher kindMatch = KIND.matcher(rest);
    if (kindMatch.matches() && kindMatch.group(1).contains("_")) {
      kind = kindMatch.group(1);
      rest = kindMatch.group(2);
      Matcher pathAfterKind = PATH.matcher(rest);
      if (path == null && pathAfterKind.matches()) {
        path = pathAfterKind.group(1);
        rest = pathAfterKind.group(2);
      }
    }
    String fix = null;
    Matcher fixMatch = FIX.matcher(rest);
    if (fixMatch.matches()) {
      rest = fixMatch.group(1).strip();
      fix = fixMatch.group(2).strip();
    }
    return new BreakingChange(path == null ? "/" : path, kind, rest, fix);
  }
}
