package dev.schemagate.cli.promote;

/** What happened to one subject in a direct sync; the closed set of outcomes. */
public sealed interface Outcome {
  String subject();

  /** One line for the user. */
  String describe();

  /** Whether this outcome fails the command (exit 1). */
  default boolean refused() {
    return false;
  }

  /** Registered in the target; {@code idKept} when the target was in IMPORT mode. */
  record Promoted(String subject, int version, int id, String to, boolean idKept, String severity)
      implements Outcome {
    @Override
    public String describe() {
      return "%s: promoted to %s as version %d, id %d%s (impact %s)"
          .formatted(
              subject,
              to,
              version,
              id,
              idKept ? " kept (IMPORT mode)" : " (target not in IMPORT mode: its own id)",
              severity);
    }
  }

  /** The same content is already in the target. */
  record AlreadyThere(String subject, int version, int id, String to) implements Outcome {
    @Override
    public String describe() {
      return "%s: already in %s as version %d, id %d".formatted(subject, to, version, id);
    }
  }

  /** The impact is blocking and these owners have not approved. */
  record Blocked(String subject, String severity, String reason, java.util.List<String> approvers)
      implements Outcome {
    @Override
    public String describe() {
      return "%s: blocked, %s impact: %s; approval needed from %s (pass --approve TEAM once they agree)"
          .formatted(subject, severity, reason, String.join(", ", approvers));
    }

    @Override
    public boolean refused() {
      return true;
    }
  }

  /** The target registry refused the schema (e.g. incompatible at its level). */
  record Refused(String subject, String to, String message) implements Outcome {
    @Override
    public String describe() {
      return "%s: %s's registry refused it: %s".formatted(subject, to, message);
    }

    @Override
    public boolean refused() {
      return true;
    }
  }
}
