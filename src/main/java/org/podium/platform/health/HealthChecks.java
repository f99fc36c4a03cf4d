package org.podium.platform.health;

import jakarta.annotation.Resource;
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
import javax.sql.DataSource;
import org.podium.platform.Resources;

/** Asks each part Podium depends on whether it works, and how. */
@ApplicationScoped
public class HealthChecks {

  private static final String SCHEMA_VERSION =
      "select version from flyway_schema_history where success and version is not null"
          + " order by installed_rank desc limit 1";

  @Resource(name = Resources.DATASOURCE)
  DataSource dataSource;

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(name = Resources.RUN_QUEUE)
  Queue runQueue;

  @Inject EngineProbe engine;

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
      return ComponentHealth.failed(ComponentHealth.DOWN, ComponentHealth.reason(e));
    }
  }

  ComponentHealth messaging() {
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser = context.createBrowser(runQueue)) {
      // Browsing proves that the broker answers and the queue exists, without consuming anything.
      browser.getEnumeration();
      return ComponentHealth.up(Map.of("queue", runQueue.getQueueName()));
    } catch (JMSException | JMSRuntimeException e) {
      return ComponentHealth.failed(ComponentHealth.DOWN, ComponentHealth.reason(e));
    }
  }

  ComponentHealth docker() {
    return engine.probe();
  }
}
