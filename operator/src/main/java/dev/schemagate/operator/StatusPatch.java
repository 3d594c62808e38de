package dev.schemagate.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.function.Supplier;

/**
 * The object a reconciler hands JOSDK to patch only {@code status}. With server-side apply it is a
 * minimal object (name, namespace, status), so the operator owns only status fields and never
 * fights users over spec; without it (the mock server) JOSDK diffs against the cached resource, so
 * a copy of that with the new status yields a status-only patch.
 */
public final class StatusPatch {
  private StatusPatch() {}

  public static <S, R extends CustomResource<?, S>> R of(
      R resource, S status, Context<R> context, boolean serverSideApply, Supplier<R> blank) {
    R patch;
    if (serverSideApply) {
      patch = blank.get();
      patch.setMetadata(
          new ObjectMetaBuilder()
              .withName(resource.getMetadata().getName())
              .withNamespace(resource.getMetadata().getNamespace())
              .build());
    } else {
      patch =
          context
              .getControllerConfiguration()
              .getConfigurationService()
              .getResourceCloner()
              .clone(resource);
    }
    patch.setStatus(status);
    return patch;
  }
}
