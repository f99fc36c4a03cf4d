package org.podium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.podium.platform.health.ComponentHealth;
import org.podium.platform.health.HealthReport;

class HealthReportTest {

  private static final ComponentHealth UP = ComponentHealth.up(Map.of());
  private static final ComponentHealth DOWN = ComponentHealth.failed(ComponentHealth.DOWN, "gone");
  private static final ComponentHealth NO_ENGINE =
      ComponentHealth.failed(ComponentHealth.UNREACHABLE, "no socket");

  @Test
  void everyPartUpIsUpWith200() {
    HealthReport report = new HealthReport(UP, UP, UP);
    assertEquals(HealthReport.Status.UP, report.status());
    assertEquals(200, report.httpStatus());
  }

  @Test
  void missingDockerEngineDegradesButStillServesWith200() {
    HealthReport report = new HealthReport(UP, UP, NO_ENGINE);
    assertEquals(HealthReport.Status.DEGRADED, report.status());
    assertEquals(200, report.httpStatus());
  }

  @Test
  void databaseDownIsDownWith503() {
    HealthReport report = new HealthReport(DOWN, UP, UP);
    assertEquals(HealthReport.Status.DOWN, report.status());
    assertEquals(503, report.httpStatus());
  }

  @Test
  void runQueueDownIsDownWith503EvenWithAnEngine() {
    HealthReport report = new HealthReport(UP, DOWN, UP);
    assertEquals(HealthReport.Status.DOWN, report.status());
    assertEquals(503, report.httpStatus());
  }
}
