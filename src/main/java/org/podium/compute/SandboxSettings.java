package org.podium.compute;

import static org.podium.files.Bytes.MIB;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the operator tunes about every sandbox; participants change none of it.
 *
 * @param installationId labels every container, so this installation finds its own again
 * @param runtime OCI runtime, e.g. {@code runsc} for gVisor; the engine's default when empty
 * @param tmpBytes size of the tmpfs at /tmp
 * @param shmBytes size of /dev/shm
 * @param openFiles the nofile ulimit
 * @param pollInterval how often a running container's output size is measured
 * @param killGrace time after a kill before a run is declared lost
 * @param pullTimeout bound on pulling one image
 * @param registryCredentials the operator's, per registry host (e.g. {@code ghcr.io}, {@code
 *     docker.io}): for organizers' images only
 * @param platform the only platform uploaded archives may be built for, e.g. {@code linux/amd64}
 * @param maxArchiveBytes the most an uploaded archive may unpack to
 * @param registryPolicy which registries participants' references may name
 */
public record SandboxSettings(
    String installationId,
    Optional<String> runtime,
    long tmpBytes,
    long shmBytes,
    int openFiles,
    Duration pollInterval,
    Duration killGrace,
    Duration pullTimeout,
    Map<String, RegistryCredentials> registryCredentials,
    String platform,
    long maxArchiveBytes,
    RegistryPolicy registryPolicy) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  public SandboxSettings {
    if (installationId == null || !ID.matcher(installationId).matches()) {
      throw new IllegalArgumentException(
          "the installation id must be 1-32 lower-case letters, digits and '-'");
    }
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(killGrace, "killGrace");
    Objects.requireNonNull(pullTimeout, "pullTimeout");
    Objects.requireNonNull(registryPolicy, "registryPolicy");
    registryCredentials = Map.copyOf(registryCredentials);
    if (platform == null || !platform.matches("[a-z0-9]+/[a-z0-9]+")) {
      throw new IllegalArgumentException("the platform must read like linux/amd64");
    }
  }

  /** Defaults suited to one machine running a handful of runs at once. */
  public static SandboxSettings defaults(String installationId) {
    return new SandboxSettings(
        installationId,
        Optional.empty(),
        256 * MIB,
        64 * MIB,
        1024,
        Duration.ofMillis(250),
        Duration.ofSeconds(10),
        Duration.ofMinutes(15),
        Map.of(),
        "linux/amd64",
        8192 * MIB,
        RegistryPolicy.allowing());
  }

  public SandboxSettings withRuntime(String value) {
    return new SandboxSettings(
        installationId,
        Optional.of(value),
        tmpBytes,
        shmBytes,
        openFiles,
        pollInterval,
        killGrace,
        pullTimeout,
        registryCredentials,
        platform,
        maxArchiveBytes,
        registryPolicy);
  }

  public SandboxSettings withMaxArchiveBytes(long value) {
    return new SandboxSettings(
        installationId,
        runtime,
        tmpBytes,
        shmBytes,
        openFiles,
        pollInterval,
        killGrace,
        pullTimeout,
        registryCredentials,
        platform,
        value,
        registryPolicy);
  }

  public SandboxSettings withRegistryPolicy(RegistryPolicy value) {
    return new SandboxSettings(
        installationId,
        runtime,
        tmpBytes,
        shmBytes,
        openFiles,
        pollInterval,
        killGrace,
        pullTimeout,
        registryCredentials,
        platform,
        maxArchiveBytes,
        value);
  }

  public SandboxSettings withRegistryCredentials(Map<String, RegistryCredentials> value) {
    return new SandboxSettings(
        installationId,
        runtime,
        tmpBytes,
        shmBytes,
        openFiles,
        pollInterval,
        killGrace,
        pullTimeout,
        value,
        platform,
        maxArchiveBytes,
        registryPolicy);
  }
}
