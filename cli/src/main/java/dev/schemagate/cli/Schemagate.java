package dev.schemagate.cli;

import dev.schemagate.cli.diff.DiffException;
import dev.schemagate.cli.manifest.ManifestException;
import dev.schemagate.cli.promote.PromoteException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code schemagate} command. Adding a subcommand is adding its class to {@code
 * subcommands}; exit codes and error handling are set once, here.
 */
@Command(
    name = "schemagate",
    mixinStandardHelpOptions = true,
    versionProvider = Schemagate.Version.class,
    description =
        "Schema governance for Kafka and dbt: compatibility checks, fingerprints, and more.",
    subcommands = {
      CommandLine.HelpCommand.class,
      CompatCommand.class,
      FingerprintCommand.class,
      ExportDbtCommand.class,
      DlqReplayCommand.class,
      DiffCommand.class,
      PromoteCommand.class,
      CheckCommand.class,
      LineageCommand.class,
      MonitorCommand.class,
      RollbackCommand.class,
      ChaosCommand.class,
    })
public final class Schemagate implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Exit codes of every subcommand. */
  public static final int OK = 0;

  public static final int INCOMPATIBLE = 1;
  public static final int INVALID_INPUT = 2;

  /** No subcommand: print the usage (to stderr, as for any usage problem) and exit 2. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    throw new NoSubcommand();
  }

  /** Signals "usage already printed": the handler adds nothing. */
  private static final class NoSubcommand extends RuntimeException {
    NoSubcommand() {
      super(null, null, false, false);
    }
  }

  /** The command line with schemagate's exit codes and one-line errors, writing to stdout/err. */
  public static CommandLine commandLine() {
    return commandLine(
        new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Same, writing to the given streams (tests run the CLI in-process with these). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Schemagate());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // Everything after `chaos` is the chaos jar's to parse, options and --help included.
    commandLine
        .getSubcommands()
        .get("chaos")
        .setUnmatchedOptionsArePositionalParams(true)
        .setStopAtPositional(true);
    commandLine.setExitCodeExceptionMapper(e -> INVALID_INPUT);
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          e.getCommandLine().getErr().println(prefix(e.getCommandLine()) + oneLine(e.getMessage()));
          e.getCommandLine().getErr().flush();
          return INVALID_INPUT;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          if (e instanceof NoSubcommand) {
            return INVALID_INPUT;
          }
          String message =
              e instanceof CliException
                      || e instanceof ManifestException
                      || e instanceof DiffException
                      || e instanceof PromoteException
                  ? e.getMessage()
                  : "unexpected error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
          cmd.getErr().println(prefix(cmd) + oneLine(message));
          cmd.getErr().flush();
          return INVALID_INPUT;
        });
    return commandLine;
  }

  private static String prefix(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName() + ": ";
  }

  private static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "failed";
    }
    return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
  }

  /** The version from the jar manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Schemagate.class.getPackage().getImplementationVersion();
      return new String[] {"schemagate " + (version == null ? "dev" : version)};
    }
  }
}
