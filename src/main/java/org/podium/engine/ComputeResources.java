package org.podium.engine;

import static org.podium.files.Bytes.MIB;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.podium.compute.DockerEngine;
import org.podium.compute.EngineSettings;
import org.podium.compute.GpuAllocator;
import org.podium.compute.ImageArchives;
import org.podium.compute.Reaper;
import org.podium.compute.RegistryPolicy;
import org.podium.compute.Sandbox;
import org.podium.compute.SandboxSettings;
import org.podium.platform.PodiumConfig;

/** Makes the application's one Docker engine client and sandbox from configuration. */
@ApplicationScoped
public class ComputeResources {

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

  @Produces
  @Singleton
  SandboxSettings sandboxSettings() {
    SandboxSettings defaults = SandboxSettings.defaults(config.installationId());
    return new SandboxSettings(
        defaults.installationId(),
        config.containerRuntime(),
        config.sandboxTmpMb() * MIB,
        config.sandboxShmMb() * MIB,
        (int) config.sandboxOpenFiles(),
        defaults.pollInterval(),
        defaults.killGrace(),
        defaults.pullTimeout(),
        config.registryAuthFile().map(RegistryAuthFile::read).orElse(Map.of()),
        config.imagePlatform(),
        config.maxImageArchiveMb() * MIB,
        new RegistryPolicy(config::privateRegistries));
  }

  @Produces
  @Singleton
  Sandbox sandbox(DockerEngine engine, SandboxSettings settings) {
    return new Sandbox(engine, settings, GpuAllocator.parse(config.gpuDevices()));
  }

  @Produces
  @Singleton
  Reaper reaper(DockerEngine engine, SandboxSettings settings) {
    return new Reaper(engine, settings);
  }

  @Produces
  @Singleton
  ImageArchives imageArchives(DockerEngine engine, SandboxSettings settings) {
    return new ImageArchives(engine, settings);
  }
}
