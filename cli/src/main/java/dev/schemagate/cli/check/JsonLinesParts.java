package dev.schemagate.cli.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks a JSON Lines file on several cores: the file is cut into as many parts as threads, each
 * cut just after a newline, and each part is read by its own parser into its own {@link
 * RowEvaluator}; the evaluators then merge in file order (counts add, samples keep file order with
 * their line numbers shifted by the newlines before the part, {@code unique} stays exact). A
 * malformed line stops the check named by its line in the whole file: the first one in file order.
 */
final class JsonLinesParts {
  /** Below this a file is read by one thread: splitting costs more than it saves. */
  static final long MIN_PART_BYTES = 32L << 20;

  private JsonLinesParts() {}

  private record Part(RowEvaluator evaluator, long newlines, JsonLinesReader.Malformed error) {
    RowEvaluator orThrow(String name, long offset) {
      if (error != null) {
        throw JsonLinesReader.malformed(name, offset + error.line, error.getMessage());
      }
      return evaluator;
    }
  }

  static RowEvaluator check(Path path, String name, CheckPlan plan, Instant now, int threads)
      throws IOException {
    return check(path, name, plan, now, threads, MIN_PART_BYTES);
  }

  static RowEvaluator check(
      Path path, String name, CheckPlan plan, Instant now, int threads, long minPartBytes)
      throws IOException {
    List<long[]> ranges = split(path, threads, minPartBytes);
    if (ranges.size() == 1) {
      return part(path, ranges.get(0), plan, now, name).orThrow(name, 0);
    }
    ExecutorService pool = Executors.newFixedThreadPool(ranges.size());
    try {
      List<Future<Part>> parts = new ArrayList<>();
      for (long[] range : ranges) {
        parts.add(pool.submit(() -> part(path, range, plan, now, name)));
      }
      RowEvaluator whole = null;
      long offset = 0;
      for (Future<Part> future : parts) {
        Part part = future.get();
        RowEvaluator evaluator = part.orThrow(name, offset);
        if (whole == null) {
          whole = evaluator;
        } else {
          whole.merge(evaluator, offset);
        }
        offset += part.newlines();
      }
      return whole;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Part part(Path path, long[] range, CheckPlan plan, Instant now, String name) {
    RowEvaluator evaluator = new RowEvaluator(plan, false, now);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.position(range[0]);
      InputStream in = new Bounded(Channels.newInputStream(channel), range[1] - range[0]);
      long newlines = JsonLinesReader.read(in, plan.fields(), evaluator::accept);
      return new Part(evaluator, newlines, null);
    } catch (JsonLinesReader.Malformed e) {
      return new Part(evaluator, 0, e);
    } catch (CheckException e) {
      throw new CheckException(e.reason(), name + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Cuts {@code [0, size)} into up to {@code threads} ranges of about {@code minPartBytes} or more,
   * each but the first starting just after a newline.
   */
  static List<long[]> split(Path path, int threads, long minPartBytes) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      int parts = (int) Math.max(1, Math.min(threads, size / minPartBytes));
      List<long[]> ranges = new ArrayList<>();
      long start = 0;
      for (int i = 1; i < parts && start < size; i++) {
        long cut = afterNewline(channel, Math.max(start, size * i / parts));
        if (cut > start && cut < size) {
          ranges.add(new long[] {start, cut});
          start = cut;
        }
      }
      ranges.add(new long[] {start, size});
      return ranges;
    }
  }

  /** The position just after the first newline at or after {@code from} (the size if none). */
  private static long afterNewline(FileChannel channel, long from) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    long position = from;
    while (true) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        return channel.size();
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) == '\n') {
          return position + i + 1;
        }
      }
      position += read;
    }
  }

  /** At most {@code remaining} bytes of a stream: one part of the file. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long remaining;

    Bounded(InputStream in, long remaining) {
      this.in = in;
      this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int read = in.read(buffer, offset, (int) Math.min(length, remaining));
      if (read > 0) {
        remaining -= read;
      }
      return read;
    }
  }
}
