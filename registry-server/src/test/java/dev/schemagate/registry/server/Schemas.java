package dev.schemagate.registry.server;

/** Schema texts for the tests. */
final class Schemas {
  private Schemas() {}

  /** An Avro record with long fields f0..f{n-1} (each later field with a default). */
  static String avroRecord(String name, int fields) {
    StringBuilder text =
        new StringBuilder("{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[");
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append("{\"name\":\"f").append(i).append("\",\"type\":\"long\"");
      if (i > 0) {
        text.append(",\"default\":0");
      }
      text.append('}');
    }
    return text.append("]}").toString();
  }

  static final String JSON_OBJECT =
      "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
          + "\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}";
}
