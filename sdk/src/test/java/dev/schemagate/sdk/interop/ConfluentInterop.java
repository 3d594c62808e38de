package dev.schemagate.sdk.interop;

import dev.schemagate.sdk.SdkConfig;
import dev.schemagate.sdk.avro.AvroDeserializer;
import dev.schemagate.sdk.avro.AvroSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Java half of {@code sdk/interop/run.sh}: decodes the record Confluent's serializer wrote
 * (confluent.bin) and writes one for Confluent's deserializer (schemagate.bin). Exits 1 on a
 * mismatch. Args: registry URL, working directory.
 */
public final class ConfluentInterop {
  private ConfluentInterop() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path dir = Path.of(args[1]);
    Map<String, Object> config = Map.of(SdkConfig.REGISTRY_URL, url);
    try (var deserializer = new AvroDeserializer<GenericRecord>();
        var serializer = new AvroSerializer<GenericRecord>()) {
      deserializer.configure(config, false);
      serializer.configure(config, false);

      GenericRecord ann =
          deserializer.deserialize(
              "interop-users", Files.readAllBytes(dir.resolve("confluent.bin")));
      check(ann.get("name").toString().equals("Ann"), "name", ann);
      check(ann.get("age").equals(30), "age", ann);
      check(ann.get("tags").toString().equals("[a, b]"), "tags", ann);
      System.out.println("ok schemagate AvroDeserializer read Confluent's bytes: " + ann);

      Schema schema = new Schema.Parser().parse(dir.resolve("User.avsc").toFile());
      GenericRecord bob = new GenericData.Record(schema);
      bob.put("name", "Bob");
      bob.put("age", -1);
      bob.put("tags", List.of("c"));
      // Auto-registration is off: the serializer looks the schema up, as in production.
      Files.write(dir.resolve("schemagate.bin"), serializer.serialize("interop-users", bob));
      System.out.println("ok schemagate AvroSerializer wrote schemagate.bin");
    }
  }

  private static void check(boolean ok, String field, GenericRecord record) {
    if (!ok) {
      System.err.println("mismatch in " + field + ": " + record);
      System.exit(1);
    }
  }
}
