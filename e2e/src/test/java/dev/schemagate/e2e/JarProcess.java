package dev.schemagate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of our runnable jars in its own JVM, its output kept in a log under {@code target/}. */
final class JarProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private JarProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static JarProcess start(String jarPath, String maxHeap, Map<String, String> env) {
    return start(jarPath, maxHeap, env, List.of());
  }

  /** With extra JVM options, e.g. a GC log for a benchmark. */
  static JarProcess start(
      String jarPath, String maxHeap, Map<String, String> env, List<String> jvmOptions) {
    Path jar = Repo.root().resolve(jarPath);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: its module packages it before e2e runs");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    String name = jar.getFileName().toString().replace(".jar", "");
    try {
      Path log = Files.createTempFile(Path.of("target"), name + "-", ".log");
      List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", jar.toString()));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      return new JarProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVM's process, e.g. to read its resident memory or CPU time. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The tail of the process's own log, for assertion messages. */
  String log() {
    try {
      String text = Files.readString(log);
      return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
