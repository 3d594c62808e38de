package dev.schemagate.cli;

/** {@code java -jar schemagate.jar ...}: exit 0 on success, 1 when incompatible, 2 on bad input. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Schemagate.commandLine().execute(args));
  }
}
