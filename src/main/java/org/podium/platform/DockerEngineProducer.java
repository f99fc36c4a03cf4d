package org.podium.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.podium.compute.DockerEngine;
import org.podium.compute.EngineSettings;

/** Makes the one Docker engine client of the application from configuration. */
@ApplicationScoped
public class DockerEngineProducer {

  @Inject PodiumConfig config;

  @Produces
  @Singleton
  DockerEngine dockerEngine() {
    return new DockerEngine(
        new EngineSettings(
            config.dockerHost(), config.dockerCertPath(), config.dockerCallTimeout()));
  }

  void close(@Disposes DockerEngine engine) {
    engine.close();
  }
}
