package org.podium.compute;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The Docker engine Podium runs containers on, reached through docker-java.
 *
 * <p>The transport is docker-java's zerodep one: it shades Apache HttpClient 5, so the WAR carries
 * no HTTP client that could clash with the one an application server exports to deployments.
 *
 * <p>Two clients share the settings. docker-java's response timeout is an idle-socket timeout, and
 * some calls are silent for as long as a container runs (wait, attach, pull, load): those go
 * through {@link #streams()}, which has none; every other call goes through {@link #calls()} and is
 * bounded by {@link EngineSettings#callTimeout()}.
 */
public final class DockerEngine implements AutoCloseable {

  // Each run holds two streaming connections (attach, wait) plus short calls; 64 covers the
  // executor's threads with room for health checks and the reaper.
  private static final int MAX_CONNECTIONS = 64;

  private final EngineSettings settings;
  private final DockerClient calls;
  private final DockerClient streams;

  public DockerEngine(EngineSettings settings) {
    this.settings = settings;
    DefaultDockerClientConfig.Builder config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(settings.host());
    settings
        .certPath()
        .ifPresent(path -> config.withDockerTlsVerify(true).withDockerCertPath(path));
    DockerClientConfig clientConfig = config.build();
    this.calls = client(clientConfig, settings.callTimeout());
    this.streams = client(clientConfig, null);
  }

  private DockerClient client(DockerClientConfig config, Duration responseTimeout) {
    ZerodepDockerHttpClient.Builder http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .maxConnections(MAX_CONNECTIONS)
            .connectionTimeout(settings.connectTimeout());
    if (responseTimeout != null) {
      http.responseTimeout(responseTimeout);
    }
    DockerHttpClient built = http.build();
    return DockerClientImpl.getInstance(config, built);
  }

  /** Asks the engine for its version; never throws, an unreachable engine is a status too. */
  public EngineStatus status() {
    try {
      calls.pingCmd().exec();
      Version version = calls.versionCmd().exec();
      return EngineStatus.up(version.getVersion(), version.getApiVersion());
    } catch (RuntimeException e) {
      return EngineStatus.unreachable(
          "no Docker engine answers at " + settings.host() + ": " + rootMessage(e));
    }
  }

  public EngineSettings settings() {
    return settings;
  }

  /** The client for short calls, each bounded by the call timeout. */
  public DockerClient calls() {
    return calls;
  }

  /** The client for calls that stay silent while a container runs; callers bound them. */
  DockerClient streams() {
    return streams;
  }

  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @Override
  public void close() {
    try (DockerClient a = calls;
        DockerClient b = streams) {
      // both closed, the second even when the first fails
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
