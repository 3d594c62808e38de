package dev.schemagate.cli.check;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Parquet files for the checkpoint tests, written by parquet-java's own example writer. */
public final class ParquetFixtures {
  private ParquetFixtures() {}

  public static final MessageType ORDERS =
      MessageTypeParser.parseMessageType(
          """
          message orders {
            optional binary orderId (STRING);
            optional int64 amount (DECIMAL(12,2));
            optional binary currency (STRING);
            optional binary customerId (STRING);
            required int64 placedAt (TIMESTAMP(MICROS,true));
            optional binary note (STRING);
            optional group lines (LIST) {
              repeated group list {
                optional group element { optional binary sku (STRING); optional int32 qty; }
              }
            }
            optional binary ignored (STRING);
          }
          """);

  public static Path write(
      Path file, MessageType schema, CompressionCodecName codec, List<Consumer<Group>> rows)
      throws Exception {
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(schema)
            .withCompressionCodec(codec)
            .withRowGroupSize(64 * 1024L) // several row groups for the larger file
            .build()) {
      for (Consumer<Group> row : rows) {
        Group group = groups.newGroup();
        row.accept(group);
        writer.write(group);
      }
    }
    return file;
  }

  /** An order that keeps the orders contract, unless its values say otherwise. */
  public static Consumer<Group> order(String id, long cents, String currency, String customer) {
    Instant placed = Instant.now().minus(5, ChronoUnit.MINUTES);
    return g -> {
      if (id != null) {
        g.append("orderId", id);
      }
      g.append("amount", cents).append("currency", currency).append("customerId", customer);
      g.append("placedAt", ChronoUnit.MICROS.between(Instant.EPOCH, placed)).append("ignored", "x");
      Group lines = g.addGroup("lines");
      lines.addGroup("list").addGroup("element").append("sku", "s-1").append("qty", 2);
    };
  }
}
