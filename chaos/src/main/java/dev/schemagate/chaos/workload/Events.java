package dev.schemagate.chaos.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The records the experiments send: JSON Schema, so a contract (amount >= 0) can be broken. */
public final class Events {
  public static final String SCHEMA_V1 =
      """
      {"$schema":"http://json-schema.org/draft-07/schema#","title":"Payment","type":"object",
       "properties":{"id":{"type":"string"},"seq":{"type":"integer"},
                     "amount":{"type":"integer","minimum":0}},
       "required":["id","seq","amount"]}""";

  /** A later, compatible version (one more optional field): a different schema id. */
  public static final String SCHEMA_V2 =
      """
      {"$schema":"http://json-schema.org/draft-07/schema#","title":"Payment","type":"object",
       "properties":{"id":{"type":"string"},"seq":{"type":"integer"},
                     "amount":{"type":"integer","minimum":0},"currency":{"type":"string"}},
       "required":["id","seq","amount"]}""";

  /** Yet another version, registered by nobody before the fault: a producer must fetch it. */
  public static final String SCHEMA_V3 =
      """
      {"$schema":"http://json-schema.org/draft-07/schema#","title":"Payment","type":"object",
       "properties":{"id":{"type":"string"},"seq":{"type":"integer"},
                     "amount":{"type":"integer","minimum":0},"currency":{"type":"string"},
                     "channel":{"type":"string"}},
       "required":["id","seq","amount"]}""";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  public static ObjectNode payment(String key, long seq, int amount) {
    return JSON.createObjectNode().put("id", key).put("seq", seq).put("amount", amount);
  }
}
