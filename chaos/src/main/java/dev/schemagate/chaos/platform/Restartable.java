package dev.schemagate.chaos.platform;

/** A component an experiment stops under the registry and starts again on the same data. */
public interface Restartable {
  void start();

  void stop();
}
