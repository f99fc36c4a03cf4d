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

/**
 * The Docker engine Podium runs containers on, reached through docker-java.
 *
 * <p>The transport is docker-java's zerodep one: it shades Apache HttpClient 5 and JNA, so the WAR
 * carries no HTTP client that could clash with a library the application server exports.
 */
public final class DockerEngine implements AutoCloseable {

  // Short calls only for now; the sandbox adds a separate client for calls that are silent until a
  // container exits, since responseTimeout is an idle-socket timeout.
  private static final int MAX_CONNECTIONS = 16;

  private final EngineSettings settings;
  private final DockerClient client;

  public DockerEngine(EngineSettings settings) {
    this.settings = settings;
    DefaultDockerClientConfig.Builder config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(settings.host());
    settings
        .certPath()
        .ifPresent(path -> config.withDockerTlsVerify(true).withDockerCertPath(path));
    DockerClientConfig clientConfig = config.build();
    DockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(clientConfig.getDockerHost())
            .sslConfig(clientConfig.getSSLConfig())
            .maxConnections(MAX_CONNECTIONS)
            .connectionTimeout(settings.callTimeout())
            .responseTimeout(settings.callTimeout())
            .build();
    this.client = DockerClientImpl.getInstance(clientConfig, http);
  }

  /** Asks the engine for its version; never throws, an unreachable engine is a status too. */
  public EngineStatus status() {
    try {
      client.pingCmd().exec();
      Version version = client.versionCmd().exec();
      return EngineStatus.up(version.getVersion(), version.getApiVersion());
    } catch (RuntimeException e) {
      return EngineStatus.unreachable(describe(e));
    }
  }

  /** The underlying client, for the sandbox in this package. */
  DockerClient client() {
    return client;
  }

  public EngineSettings settings() {
    return settings;
  }

  private String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return "no Docker engine answers at " + settings.host() + ": " + message;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
