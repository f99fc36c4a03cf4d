package org.podium.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.podium.compute.DockerEngine;
import org.podium.compute.EngineStatus;

/** Asks each part Podium depends on whether it works, and how. */
@ApplicationScoped
public class HealthChecks {

  private static final int DOCKER_PROBE_SECONDS = 2;

  private static final String SCHEMA_VERSION =
      "select version from flyway_schema_history where success and version is not null"
          + " order by installed_rank desc limit 1";

  @Resource(name = Resources.DATASOURCE)
  DataSource dataSource;

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(name = Resources.RUN_QUEUE)
  Queue runQueue;

  @Inject DockerEngine dockerEngine;

  @Resource ManagedExecutorService executor;

  public HealthReport check() {
    return new HealthReport(database(), messaging(), docker());
  }

  ComponentHealth database() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet schema = statement.executeQuery(SCHEMA_VERSION)) {
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("product", connection.getMetaData().getDatabaseProductName());
      facts.put("productVersion", connection.getMetaData().getDatabaseProductVersion());
      facts.put("flywayVersion", schema.next() ? schema.getString(1) : "none");
      return ComponentHealth.up(facts);
    } catch (SQLException | RuntimeException e) {
      return ComponentHealth.failed(ComponentHealth.DOWN, describe(e));
    }
  }

  ComponentHealth messaging() {
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser = context.createBrowser(runQueue)) {
      // Browsing proves that the broker answers and the queue exists, without consuming anything.
      browser.getEnumeration();
      return ComponentHealth.up(Map.of("queue", runQueue.getQueueName()));
    } catch (JMSException | JMSRuntimeException e) {
      return ComponentHealth.failed(ComponentHealth.DOWN, describe(e));
    }
  }

  ComponentHealth docker() {
    EngineStatus engine;
    try {
      // Engine calls may take the call timeout (30 s); a health probe answers within 2 s.
      engine = executor.submit(dockerEngine::status).get(DOCKER_PROBE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      engine =
          EngineStatus.unreachable(
              "the Docker engine at "
                  + dockerEngine.settings().host()
                  + " did not answer within "
                  + DOCKER_PROBE_SECONDS
                  + " s");
    } catch (ExecutionException e) {
      engine = EngineStatus.unreachable(describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      engine = EngineStatus.unreachable("interrupted");
    }
    if (!engine.reachable()) {
      return ComponentHealth.failed(ComponentHealth.UNREACHABLE, engine.reason());
    }
    return ComponentHealth.up(
        Map.of(
            "host", dockerEngine.settings().host(),
            "version", engine.version(),
            "apiVersion", engine.apiVersion()));
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
