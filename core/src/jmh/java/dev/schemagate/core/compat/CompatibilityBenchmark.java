package dev.schemagate.core.compat;

import dev.schemagate.core.schema.AvroSchemaDoc;
import dev.schemagate.core.schema.InvalidSchemaException;
import dev.schemagate.core.schema.ParsedSchema;
import dev.schemagate.core.schema.SchemaFormat;
import dev.schemagate.core.schema.Schemas;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A compatibility check of a 1,000-field schema against its next version (one field added with a
 * default, ten fields promoted int to long, docs on ten fields): our full check against the bare
 * Apache Avro call it is built on, and the same for JSON Schema. Schemas are parsed once, as a
 * registry holds them parsed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompatibilityBenchmark {
  static final int FIELDS = 1_000;

  ParsedSchema avroOld;
  ParsedSchema avroNew;
  Schema avroOldSchema;
  Schema avroNewSchema;
  ParsedSchema jsonOld;
  ParsedSchema jsonNew;
  CompatibilityChecker checker;

  @Setup
  public void setUp() throws InvalidSchemaException {
    avroOld = Schemas.parse(SchemaFormat.AVRO, avro(false));
    avroNew = Schemas.parse(SchemaFormat.AVRO, avro(true));
    avroOldSchema = ((AvroSchemaDoc) avroOld).schema();
    avroNewSchema = ((AvroSchemaDoc) avroNew).schema();
    jsonOld = Schemas.parse(SchemaFormat.JSON, json(false));
    jsonNew = Schemas.parse(SchemaFormat.JSON, json(true));
    checker = Compatibility.checker();
    if (!checker.check(CompatibilityLevel.BACKWARD, List.of(avroOld), avroNew).compatible()
        || !checker.check(CompatibilityLevel.BACKWARD, List.of(jsonOld), jsonNew).compatible()) {
      throw new IllegalStateException("the benchmark pair must be compatible");
    }
  }

  @Benchmark
  public SchemaCompatibility.SchemaPairCompatibility avroBareLibrary() {
    return SchemaCompatibility.checkReaderWriterCompatibility(avroNewSchema, avroOldSchema);
  }

  @Benchmark
  public CompatibilityResult avroSchemagateBackward() {
    return checker.check(CompatibilityLevel.BACKWARD, List.of(avroOld), avroNew);
  }

  /** The part of our check that is not the library call: naming every change. */
  @Benchmark
  public List<Finding> avroStructuralDiffOnly() {
    return new AvroStructuralDiff().diff(avroOldSchema, avroNewSchema);
  }

  @Benchmark
  public CompatibilityResult avroSchemagateFull() {
    return checker.check(CompatibilityLevel.FULL, List.of(avroOld), avroNew);
  }

  @Benchmark
  public CompatibilityResult jsonSchemagateBackward() {
    return checker.check(CompatibilityLevel.BACKWARD, List.of(jsonOld), jsonNew);
  }

  /** Field i: a mix of primitives, optional unions, an enum and a nested record every 100th. */
  static String avro(boolean next) {
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < FIELDS; i++) {
      if (i > 0) {
        fields.append(',');
      }
      String doc = next && i % 100 == 1 ? ",\"doc\":\"field " + i + "\"" : "";
      String type =
          switch (i % 10) {
            case 0 -> i % 100 == 0 ? (next ? "\"long\"" : "\"int\"") : "\"int\"";
            case 1 -> "\"long\"";
            case 2 -> "\"string\"";
            case 3 -> "\"double\"";
            case 4 -> "\"boolean\"";
            case 5 -> "[\"null\",\"string\"],\"default\":null";
            case 6 -> "{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}";
            case 7 -> "{\"type\":\"enum\",\"name\":\"E" + i + "\",\"symbols\":[\"A\",\"B\",\"C\"]}";
            case 8 -> "{\"type\":\"array\",\"items\":\"string\"}";
            default ->
                "{\"type\":\"record\",\"name\":\"R"
                    + i
                    + "\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"},{\"name\":\"y\",\"type\":\"string\"}]}";
          };
      fields
          .append("{\"name\":\"f")
          .append(i)
          .append("\",\"type\":")
          .append(type)
          .append(doc)
          .append('}');
    }
    if (next) {
      fields.append(",{\"name\":\"added\",\"type\":\"string\",\"default\":\"\"}");
    }
    return "{\"type\":\"record\",\"name\":\"Wide\",\"namespace\":\"bench\",\"fields\":["
        + fields
        + "]}";
  }

  /** The same shape in JSON Schema, closed content model, so an optional property may be added. */
  static String json(boolean next) {
    StringBuilder properties = new StringBuilder();
    for (int i = 0; i < FIELDS; i++) {
      if (i > 0) {
        properties.append(',');
      }
      String description = next && i % 100 == 1 ? ",\"description\":\"field " + i + "\"" : "";
      String schema =
          switch (i % 8) {
            case 0 -> i % 100 == 0 && next ? "\"type\":\"number\"" : "\"type\":\"integer\"";
            case 1 -> "\"type\":\"string\",\"maxLength\":" + (next && i % 100 == 1 ? 200 : 100);
            case 2 -> "\"type\":[\"string\",\"null\"]";
            case 3 -> "\"enum\":[\"A\",\"B\",\"C\"]";
            case 4 -> "\"type\":\"array\",\"items\":{\"type\":\"string\"}";
            case 5 -> "\"type\":\"number\",\"minimum\":0";
            case 6 ->
                "\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"integer\"},\"y\":{\"type\":\"string\"}},\"required\":[\"x\"]";
            default -> "\"type\":\"boolean\"";
          };
      properties
          .append("\"p")
          .append(i)
          .append("\":{")
          .append(schema)
          .append(description)
          .append('}');
    }
    if (next) {
      properties.append(",\"added\":{\"type\":\"string\"}");
    }
    return "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"p0\"],\"properties\":{"
        + properties
        + "}}";
  }
}
