package dev.schemagate.sdk.avro;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.AvroGenerated;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load classes named by a schema unless trusted (a guard against schemas that
 * name arbitrary classes). A specific reader needs the generated classes: we add trust for exactly
 * those — classes carrying Avro's {@link AvroGenerated} annotation — to whatever the application
 * already trusts, once per JVM.
 */
final class GeneratedClassTrust {
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private GeneratedClassTrust() {}

  static void install() {
    if (INSTALLED.compareAndSet(false, true)) {
      ClassSecurityValidator.setGlobal(
          ClassSecurityValidator.composite(
              ClassSecurityValidator.getGlobal(),
              type -> type.isAnnotationPresent(AvroGenerated.class)));
    }
  }
}
