package dev.schemagate.core.schema;

import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs a regular expression from a user's schema ({@code pattern}, {@code patternProperties}) with
 * a time bound. The JDK engine keeps the ECMA-262 features JSON Schema allows (backreferences,
 * lookaround) that linear-time engines such as RE2/J refuse, but it can backtrack exponentially;
 * the input is therefore wrapped so that the engine's own reads check a deadline, and a match that
 * runs past it throws {@link SchemaLimitException} ({@code regex-time}) instead of holding a thread
 * for minutes.
 */
public final class BoundedRegex {
  /** What one match may take: real patterns on property names finish in microseconds. */
  public static final Duration DEFAULT_BUDGET = Duration.ofMillis(100);

  private BoundedRegex() {}

  /**
   * Whether {@code regex} matches somewhere in {@code input} ({@code find}, as JSON Schema's
   * patterns do); {@code false} for a pattern the JDK cannot compile.
   */
  public static boolean find(String regex, String input, Duration budget) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException notJavaSyntax) {
      return false;
    }
    return find(pattern, input, budget);
  }

  /**
   * Whether a compiled user's {@code pattern} matches somewhere in {@code input}, within {@code
   * budget}: for a rule applied to many values, compiled once.
   *
   * @throws SchemaLimitException ({@code regex-time}) when the match runs past the budget
   */
  public static boolean find(Pattern pattern, String input, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    return pattern
        .matcher(new Deadlined(input, 0, input.length(), deadline, pattern.pattern(), budget))
        .find();
  }

  public static boolean find(String regex, String input) {
    return find(regex, input, DEFAULT_BUDGET);
  }

  /** A view of the input whose reads fail once the deadline has passed (checked every 1,024). */
  private static final class Deadlined implements CharSequence {
    private final String text;
    private final int start;
    private final int end;
    private final long deadline;
    private final String regex;
    private final Duration budget;
    private int reads;

    Deadlined(String text, int start, int end, long deadline, String regex, Duration budget) {
      this.text = text;
      this.start = start;
      this.end = end;
      this.deadline = deadline;
      this.regex = regex;
      this.budget = budget;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadline) {
        throw new SchemaLimitException(
            "regex-time",
            "the regular expression '%s' ran longer than %d ms on a %d-character input (it"
                    .formatted(shorten(regex), budget.toMillis(), end - start)
                + " backtracks exponentially): simplify it, e.g. avoid nested quantifiers and"
                + " backreferences");
      }
      return text.charAt(start + index);
    }

    @Override
    public int length() {
      return end - start;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return new Deadlined(text, start + from, start + to, deadline, regex, budget);
    }

    @Override
    public String toString() {
      return text.substring(start, end);
    }
  }

  private static String shorten(String regex) {
    return regex.length() <= 80 ? regex : regex.substring(0, 77) + "...";
  }
}
