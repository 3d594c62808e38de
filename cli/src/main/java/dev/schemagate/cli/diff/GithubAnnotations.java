package dev.schemagate.cli.diff;

/**
 * {@code --format github}: workflow commands GitHub turns into annotations on the pull request's
 * files, at the line of the offending field: {@code ::error} for a breaking change, {@code
 * ::warning} for a risky contract change, {@code ::notice} for the verdict.
 */
public final class GithubAnnotations {
  private GithubAnnotations() {}

  public static String render(DiffReport report) {
    StringBuilder out = new StringBuilder();
    for (SchemaDiff schema : report.schemas()) {
      for (LocatedChange change : schema.changes()) {
        if (change.breaking()) {
          out.append(
              command(
                  "error",
                  change.file(),
                  change.line(),
                  "schemagate: %s %s".formatted(schema.subject(), change.type()),
                  "%s %s at %s: %s%s"
                      .formatted(
                          schema.subject(),
                          change.type(),
                          change.path().isEmpty() ? "/" : change.path(),
                          change.message(),
                          change.fix().map(f -> " — fix: " + f).orElse(""))));
        }
      }
    }
    for (ContractDiff contract : report.contracts()) {
      for (ContractDiff.Item item : contract.changes()) {
        if (item.risky()) {
          out.append(
              command(
                  "warning",
                  contract.file(),
                  item.line(),
                  "schemagate: contract " + contract.id(),
                  item.change()));
        }
      }
    }
    out.append(
        "::notice title=schemagate::%s%n"
            .formatted(
                escapeData(
                    report.breaking()
                        ? "%d breaking change(s); suggested version bump %s"
                            .formatted(report.breakingChanges(), report.bump())
                        : "no breaking changes; suggested version bump " + report.bump())));
    return out.toString();
  }

  private static String command(String level, String file, int line, String title, String message) {
    return "::%s file=%s,line=%d,title=%s::%s%n"
        .formatted(level, escapeProperty(file), line, escapeProperty(title), escapeData(message));
  }

  /** GitHub's escaping for a command's message. */
  static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** GitHub's escaping for a command's properties (file, title). */
  static String escapeProperty(String text) {
    return escapeData(text).replace(":", "%3A").replace(",", "%2C");
  }
}
