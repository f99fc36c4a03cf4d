package org.podium.engine;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.podium.compute.DockerEngine;
import org.podium.compute.EngineStatus;
import org.podium.platform.health.ComponentHealth;
import org.podium.platform.health.EngineProbe;

/** The Docker engine's part of {@code /api/health}: asked on the managed executor, 2 s at most. */
@ApplicationScoped
public class EngineHealth implements EngineProbe {

  private static final int DOCKER_PROBE_SECONDS = 2;

  @Inject DockerEngine dockerEngine;

  @Resource ManagedExecutorService executor;

  @Override
  public ComponentHealth probe() {
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
      engine = EngineStatus.unreachable(ComponentHealth.reason(e));
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
}
