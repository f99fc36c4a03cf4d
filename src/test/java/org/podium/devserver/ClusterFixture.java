package org.podium.devserver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the nodes of a cluster share, started on this machine for a test or a benchmark: an embedded
 * PostgreSQL, a standalone Artemis broker and one {@code PODIUM_HOME} (so one data folder and one
 * bootstrap administrator); then any number of WildFly nodes on the cluster configuration, each
 * with its own name, ports and settings. Closing it stops the nodes, the broker and the database.
 */
public final class ClusterFixture implements AutoCloseable {

  private final Path work;
  private final EmbeddedDatabase database;
  private final ArtemisBroker broker;
  private final Map<String, String> environment = new HashMap<>();
  private final List<ServerProcess> nodes = new ArrayList<>();
  private final Map<ServerProcess, Integer> portOffsets = new HashMap<>();

  private ClusterFixture(Path work, EmbeddedDatabase database, ArtemisBroker broker) {
    this.work = work;
    this.database = database;
    this.broker = broker;
    environment.putAll(broker.nodeEnvironment());
    environment.put("PODIUM_DB_URL", database.url());
    environment.put("PODIUM_DB_USER", database.user());
    environment.put("PODIUM_DB_PASSWORD", database.password());
    environment.put("PODIUM_HOME", home().toString());
    // The tests' registry is on loopback, as an operator's own would be: listed.
    environment.put("PODIUM_PRIVATE_REGISTRIES", "127.0.0.1:5000");
  }

  /** Starts the database and the broker (on {@code brokerPort}), their state under {@code work}. */
  public static ClusterFixture start(Path work, int brokerPort) {
    EmbeddedDatabase database =
        EmbeddedDatabase.start(work.resolve("postgres"), 0, UUID.randomUUID().toString());
    try {
      return new ClusterFixture(
          work,
          database,
          ArtemisBroker.start(ArtemisBroker.distribution(), work.resolve("artemis"), brokerPort));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The shared PODIUM_HOME. */
  public Path home() {
    return work.resolve("home");
  }

  public EmbeddedDatabase database() {
    return database;
  }

  /** Every node's settings; a node's own are added to these. */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * Starts WildFly node {@code name} (its state in {@code work/name}, ports moved by {@code
   * portOffset}) with the shared settings plus {@code own}; does not wait for it.
   */
  public ServerProcess node(String name, int portOffset, Map<String, String> own) {
    Map<String, String> settings = new HashMap<>(environment);
    settings.put("PODIUM_NODE_ID", name);
    settings.putAll(own);
    ServerProcess node =
        WildFlyProcess.start(
            Path.of(System.getProperty("jboss.home")),
            WildFlyProcess.CLUSTER_CONFIG,
            Path.of(System.getProperty("podium.it.war", "target/podium.war")),
            work.resolve(name),
            portOffset,
            settings,
            false);
    nodes.add(node);
    portOffsets.put(node, portOffset);
    return node;
  }

  /**
   * Switches the node's delivery of run requests on or off with its own management CLI, as an
   * operator drains a node: {@code /subsystem=ejb3/mdb-delivery-group=podium-runs}.
   */
  public void delivery(ServerProcess node, boolean active) {
    try {
      Process cli =
          new ProcessBuilder(
                  Path.of(System.getProperty("jboss.home"), "bin/jboss-cli.sh").toString(),
                  "--connect",
                  "--controller=127.0.0.1:" + (9990 + portOffsets.get(node)),
                  "--command=/subsystem=ejb3/mdb-delivery-group=podium-runs"
                      + ":write-attribute(name=active, value="
                      + active
                      + ")")
              .redirectErrorStream(true)
              .start();
      String output = new String(cli.getInputStream().readAllBytes());
      if (cli.waitFor() != 0 || !output.contains("success")) {
        throw new IllegalStateException("jboss-cli failed: " + output);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (ServerProcess node : nodes) {
      if (node.isAlive()) {
        node.stop();
      }
    }
    broker.close();
    database.close();
  }
}
