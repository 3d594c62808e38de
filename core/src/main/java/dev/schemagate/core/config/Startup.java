package dev.schemagate.core.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * The start-up behaviour every schemagate server shares: {@code --help} (or {@code -h}) prints the
 * usage and exits 0; a setting that cannot be used prints one line naming the variable and exits 2,
 * without a stack trace.
 */
public final class Startup {
  /** The exit code of a server whose configuration cannot be used. */
  public static final int BAD_CONFIGURATION = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Startup() {}

  /** Whether the arguments ask for the usage. */
  public static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /**
   * Reads the configuration, or ends the process: with the usage on {@code --help}, with one line
   * and exit code 2 on a {@link ConfigException}.
   */
  public static <C> C configure(String program, String usage, String[] args, Supplier<C> read) {
    if (wantsHelp(args)) {
      System.out.println(usage.strip());
      System.exit(0);
    }
    try {
      return read.get();
    } catch (ConfigException bad) {
      fail(program, bad.getMessage(), System.err);
      System.exit(BAD_CONFIGURATION);
      throw bad; // not reached
    }
  }

  /** The one-line form of a start-up failure: {@code program: message}. */
  public static void fail(String program, String message, PrintStream err) {
    err.println(program + ": " + message);
  }

  /** The error body every server answers with: {@code {"error_code": n, "message": "..."}}. */
  public static String errorBody(int errorCode, String message) {
    return JSON.createObjectNode().put("error_code", errorCode).put("message", message).toString();
  }
}
