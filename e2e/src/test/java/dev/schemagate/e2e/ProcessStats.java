package dev.schemagate.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time and peak resident memory of a process (and of its children) from {@code /proc}: the
 * figures that say which process a benchmark's two cores were spent in. Zero where {@code /proc} is
 * not there.
 */
final class ProcessStats {
  private static final double CLOCK_TICKS_PER_SECOND = 100.0;

  private ProcessStats() {}

  /** User + system CPU seconds of the process, its live descendants and its reaped children. */
  static double cpuSeconds(ProcessHandle process) {
    return Stream.concat(Stream.of(process), process.descendants())
        .mapToDouble(p -> ticks(p.pid()) / CLOCK_TICKS_PER_SECOND)
        .sum();
  }

  /** Peak resident set size ({@code VmHWM}) in MiB. */
  static long peakRssMib(ProcessHandle process) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException gone) {
      // not on Linux, or the process has ended
    }
    return 0;
  }

  /** The processes started by this JVM whose command line contains {@code name}. */
  static Stream<ProcessHandle> childrenNamed(String name) {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.contains(name)).orElse(false));
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command (which may hold spaces) start at the last ')'.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime, stime, cutime, cstime are fields 14-17 of stat, 12-15 after the command.
      return Long.parseLong(fields[11])
          + Long.parseLong(fields[12])
          + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }
}
