package dev.schemagate.cli.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Streams a Parquet file record by record with parquet-java: only the top-level columns the rules
 * read are decoded (a projection), and the reader holds one row group's pages of those columns at a
 * time, never the whole file. Values arrive as {@link ParquetValues} maps them (timestamps as
 * instants, decimals exactly, nested groups and lists as JSON). Records are numbered from 1: a
 * Parquet file has no lines, so a sample or an error names the record.
 */
final class ParquetRows {
  private ParquetRows() {}

  /**
   * Reads a Parquet file, or every part file of a directory (as Spark and Hive write a table:
   * {@code part-*.parquet}, skipping {@code _SUCCESS}, hidden and {@code .crc} files) in name
   * order, numbering records across the parts. Errors name the part file.
   */
  static void read(Path path, Set<String> fields, Consumer<Row> sink) {
    ParquetRow row = new ParquetRow(fields);
    long[] record = {0};
    for (Path file : files(path)) {
      readFile(file, file.toString(), fields, row, record, sink);
    }
  }

  private static List<Path> files(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> entries = Files.list(path)) {
      List<Path> parts =
          entries
              .filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return !n.startsWith(".") && !n.startsWith("_") && !n.endsWith(".crc");
                  })
              .sorted()
              .toList();
      if (parts.isEmpty()) {
        throw new CheckException(
            CheckException.Reason.NOT_FOUND, path + ": a directory without Parquet part files");
      }
      return parts;
    } catch (IOException e) {
      throw new CheckException(
          CheckException.Reason.NOT_FOUND, path + ": cannot list: " + e.getMessage());
    }
  }

  private static void readFile(
      Path path,
      String name,
      Set<String> fields,
      ParquetRow row,
      long[] record,
      Consumer<Row> sink) {
    Projection projection = new Projection(fields);
    ParquetConfiguration conf = new PlainParquetConfiguration();
    boolean opened = false;
    try (ParquetReader<Group> reader =
        new ParquetReader.Builder<Group>(new LocalInputFile(path), conf) {
          @Override
          protected ReadSupport<Group> getReadSupport() {
            return projection;
          }
        }.build()) {
      Group group;
      while (true) {
        try {
          group = reader.read();
        } catch (IOException | RuntimeException e) {
          // the footer is read on the first read(): a file that is not Parquet, or cut short,
          // fails there
          throw unreadable(
              name,
              !opened
                  ? "not a readable Parquet file: " + message(e)
                  : "record " + (record[0] + 1) + ": cannot be read: " + message(e));
        }
        opened = true;
        if (group == null) {
          break;
        }
        record[0]++;
        row.start(record[0], group, projection.present);
        sink.accept(row);
      }
    } catch (CheckException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw unreadable(name, "not a readable Parquet file: " + message(e));
    }
  }

  private static CheckException unreadable(String name, String message) {
    return new CheckException(CheckException.Reason.MALFORMED_INPUT, name + ": " + message);
  }

  /** The first line of the innermost cause that says something, without the exception class. */
  private static String message(Throwable e) {
    String best = e.getClass().getSimpleName();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        best = t.getMessage().lines().findFirst().orElse(best);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    // parquet-java names the file by its InputFile's toString(): the report names it already
    return best.replaceFirst("^\\S*InputFile@\\S+ is not a Parquet file\\W*", "")
        .replaceFirst("^\\S*InputFile@\\S+\\s*", "");
  }

  /** Reads only the top-level fields the rules need; remembers which of them the file has. */
  private static final class Projection extends GroupReadSupport {
    final Set<String> wanted;
    final Map<String, Integer> present = new HashMap<>();

    Projection(Set<String> wanted) {
      this.wanted = wanted;
    }

    @Override
    public ReadContext init(
        ParquetConfiguration configuration,
        Map<String, String> keyValueMetaData,
        MessageType fileSchema) {
      List<Type> kept = new ArrayList<>();
      for (Type field : fileSchema.getFields()) {
        if (wanted.contains(field.getName())) {
          present.put(field.getName(), kept.size());
          kept.add(field);
        }
      }
      if (kept.isEmpty() && fileSchema.getFieldCount() > 0) {
        kept.add(fileSchema.getType(0)); // no wanted column: still count the records
      }
      return new ReadContext(new MessageType(fileSchema.getName(), kept));
    }
  }

  /** The current record's wanted fields, by slot; reused from record to record. */
  private static final class ParquetRow implements Row {
    final String[] names;
    final Object[] values;
    long record;

    ParquetRow(Set<String> fields) {
      this.names = fields.toArray(String[]::new);
      this.values = new Object[names.length];
    }

    void start(long record, Group group, Map<String, Integer> present) {
      this.record = record;
      for (int slot = 0; slot < names.length; slot++) {
        Integer index = present.get(names[slot]);
        values[slot] = index == null ? MISSING : ParquetValues.field(group, index);
      }
    }

    @Override
    public Object get(int slot) {
      return values[slot];
    }

    @Override
    public long line() {
      return record;
    }

    @Override
    public String unit() {
      return "record";
    }

    @Override
    public String render() {
      return Samples.render(names, this::get);
    }
  }
}
