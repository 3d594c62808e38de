package dev.schemagate.sdk.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka broker (KRaft, combined broker + controller, in-process) shared by every
 * integration test of the run, closed when the run ends. Use with
 * {@code @ExtendWith(SharedKafka.class)}.
 *
 * <p>Started with {@link KafkaRaftServer} and the storage {@link Formatter} directly: the 4.4 test
 * kit ({@code KafkaClusterTestKit}) always builds an SSL truststore with classes from
 * kafka-clients' test jar, which Apache does not publish to Maven Central.
 */
public final class SharedKafka implements BeforeAllCallback {
  private static volatile String bootstrapServers;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (SharedKafka.class) {
      if (bootstrapServers != null) {
        return;
      }
      Path dir = Files.createTempDirectory("schemagate-kafka");
      int brokerPort = freePort();
      int controllerPort = freePort();
      Map<String, Object> props = new HashMap<>();
      props.put("process.roles", "broker,controller");
      props.put("node.id", "1");
      props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      props.put(
          "listeners",
          "PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d"
              .formatted(brokerPort, controllerPort));
      props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
      props.put("controller.listener.names", "CONTROLLER");
      props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      props.put("log.dirs", dir.toString());
      // A single broker must host the group and transaction logs itself, or consumers hang.
      props.put("offsets.topic.replication.factor", "1");
      props.put("offsets.topic.num.partitions", "1");
      props.put("transaction.state.log.replication.factor", "1");
      props.put("transaction.state.log.min.isr", "1");
      props.put("transaction.state.log.num.partitions", "1");
      props.put("group.initial.rebalance.delay.ms", "0");
      props.put("log.cleaner.dedupe.buffer.size", "1048577");
      props.put("num.partitions", "1");
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(dir.toString()))
          .setMetadataLogDirectory(dir.toString())
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setControllerListenerName("CONTROLLER")
          .run();
      var server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
      server.startup();
      bootstrapServers = "127.0.0.1:" + brokerPort;
      context
          .getRoot()
          .getStore(ExtensionContext.Namespace.GLOBAL)
          .put(
              SharedKafka.class.getName(),
              (ExtensionContext.Store.CloseableResource)
                  () -> {
                    server.shutdown();
                    server.awaitShutdown();
                    deleteRecursively(dir);
                  });
    }
  }

  public static String bootstrapServers() {
    return bootstrapServers;
  }

  /** Creates a uniquely named topic (prefix + random suffix), so tests never share data. */
  public static String createTopic(String prefix, int partitions) throws Exception {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    createTopicNamed(name, partitions);
    return name;
  }

  public static void createTopicNamed(String name, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
