package dev.schemagate.ingest.http;

import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.plugin.Plugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Javalin counterpart of {@link SchemaGateFilter}: {@code config.registerPlugin(new
 * SchemaGatePlugin(c -> c.gate("/events", gate)))} checks the bodies of POST, PUT and PATCH
 * requests to each path before its handlers run, answering 422 (with every violation), 400 or 503
 * itself; a handler reads the body as usual.
 */
public final class SchemaGatePlugin extends Plugin<SchemaGatePlugin.Config> {

  /** Which paths are gated by which subject's gate. */
  public static final class Config {
    final Map<String, IngestGate> gates = new LinkedHashMap<>();

    /**
     * @param path a Javalin path, e.g. {@code /orders} or {@code /events/*}
     */
    public Config gate(String path, IngestGate gate) {
      gates.put(path, gate);
      return this;
    }
  }

  public SchemaGatePlugin(Consumer<Config> userConfig) {
    super(userConfig, new Config());
  }

  @Override
  public void onInitialize(JavalinState state) {
    List<Map.Entry<String, IngestGate>> entries = new ArrayList<>(pluginConfig.gates.entrySet());
    for (Map.Entry<String, IngestGate> entry : entries) {
      IngestGate gate = entry.getValue();
      state.routes.before(entry.getKey(), ctx -> check(ctx, gate));
    }
  }

  private static void check(Context ctx, IngestGate gate) {
    if (!SchemaGateFilter.carriesBody(ctx.method().name())) {
      return;
    }
    byte[] body;
    try {
      body = ctx.bodyAsBytes();
    } catch (HttpResponseException tooLarge) {
      // over Javalin's http.maxRequestSize: the same JSON answer as every other refusal here
      ctx.status(tooLarge.getStatus())
          .contentType("application/json")
          .result(
              IngestGate.JSON
                  .createObjectNode()
                  .put("error_code", tooLarge.getStatus())
                  .put(
                      "message",
                      tooLarge.getMessage() + " (Javalin's http.maxRequestSize bounds the body)")
                  .toString());
      ctx.skipRemainingHandlers();
      return;
    }
    Verdict verdict = gate.validate(body);
    if (!(verdict instanceof Verdict.Accepted)) {
      ctx.status(IngestGate.status(verdict))
          .contentType("application/json")
          .result(IngestGate.errorBody(verdict));
      ctx.skipRemainingHandlers();
    }
  }

  @Override
  public String name() {
    return "schemagate-ingest";
  }
}
