package dev.schemagate.chaos;

import dev.schemagate.chaos.experiment.Experiment;
import dev.schemagate.chaos.experiment.Scale;
import dev.schemagate.chaos.spec.PlatformSla;
import dev.schemagate.chaos.spec.Runbook;
import dev.schemagate.chaos.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code schemagate chaos}: the chaos jar's command line (the CLI's {@code schemagate chaos}
 * delegates here). Exit 0 when every objective was met, 1 when one was missed, 2 on bad input.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = "Chaos experiments that judge the runbook and the platform SLA.",
    subcommands = {ChaosMain.RunCommand.class, ChaosMain.ListCommand.class})
public final class ChaosMain implements Runnable {
  public static final int PASSED = 0;
  public static final int MISSED = 1;
  public static final int INVALID_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        commandLine(
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8))
            .execute(args));
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    var cmd = new CommandLine(new ChaosMain());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler(
        (e, args) -> {
          e.getCommandLine().getErr().println("schemagate chaos: " + e.getMessage());
          return INVALID_INPUT;
        });
    cmd.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          boolean input = e instanceof SpecException || e instanceof IllegalArgumentException;
          c.getErr().println("schemagate chaos: " + (input ? "" : "failed: ") + e.getMessage());
          return input ? INVALID_INPUT : MISSED;
        });
    return cmd;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: run or list");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the experiments.")
  static final class ListCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      for (Experiment e : Experiment.all().values()) {
        spec.commandLine().getOut().printf("%-24s %s%n", e.name(), e.fault());
      }
      return PASSED;
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Runs experiments (all when none is named) and writes report.md, report.json, postmortem.md.")
  static final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(
        arity = "0..*",
        paramLabel = "EXPERIMENT",
        description =
            "registry-outage, deserialization-errors, consumer-lag, postgres-lost, redis-lost")
    List<String> experiments = new ArrayList<>();

    @Option(
        names = "--report",
        required = true,
        paramLabel = "DIR",
        description = "where to write the reports")
    Path report;

    @Option(
        names = "--runbook",
        paramLabel = "FILE",
        description = "runbook YAML (default: the bundled chaos/runbook.yaml)")
    Optional<Path> runbook;

    @Option(
        names = "--sla",
        paramLabel = "FILE",
        description = "SLA YAML (default: the bundled chaos/platform_sla.yaml)")
    Optional<Path> sla;

    @Option(names = "--scale", defaultValue = "small", description = "small (CI), medium or large")
    String scale;

    @Option(
        names = "--registry-jar",
        paramLabel = "JAR",
        description =
            "the registry jar to run (default: $SCHEMAGATE_CHAOS_REGISTRY_JAR, else registry-server/target/schemagate-registry.jar)")
    Optional<Path> registryJar;

    @Override
    public Integer call() throws IOException {
      Runbook book =
          runbook
              .map(Runbook::load)
              .orElseGet(() -> Runbook.parse("runbook.yaml (bundled)", bundled("runbook.yaml")));
      PlatformSla objectives =
          sla.map(PlatformSla::load)
              .orElseGet(
                  () ->
                      PlatformSla.parse(
                          "platform_sla.yaml (bundled)", bundled("platform_sla.yaml")));
      Scale chosen = Scale.parse(scale);
      ChaosRunner.resolve(experiments, book);
      Path jar = registryJar.orElseGet(RunCommand::defaultRegistryJar);
      PrintWriter out = spec.commandLine().getOut();
      var result =
          new ChaosRunner(
                  line -> {
                    out.println(line);
                    out.flush();
                  })
              .run(new ChaosRunner.Plan(experiments, book, objectives, chosen, scale, jar, report));
      out.println("reports written to " + report.toAbsolutePath().normalize());
      return result.passed() ? PASSED : MISSED;
    }

    private static Path defaultRegistryJar() {
      String env = System.getenv("SCHEMAGATE_CHAOS_REGISTRY_JAR");
      if (env != null && !env.isBlank()) {
        return Path.of(env);
      }
      return Path.of("registry-server", "target", "schemagate-registry.jar");
    }

    private static String bundled(String name) {
      try (InputStream in = ChaosMain.class.getResourceAsStream("/chaos/" + name)) {
        if (in == null) {
          throw new IllegalStateException(name + " is not bundled in this jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static Optional<Path> existing(Path path) {
    return Files.exists(path) ? Optional.of(path) : Optional.empty();
  }
}
