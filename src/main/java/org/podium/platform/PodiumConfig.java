package org.podium.platform;

import static org.podium.files.Bytes.MIB;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.podium.platform.problem.UploadLimit;

/**
 * The one home of Podium's settings. Each is read from a system property, then from an environment
 * variable, then falls back to the documented default (README, "Configuration").
 */
@ApplicationScoped
public class PodiumConfig {

  /** Bytes in a mebibyte, the unit of every size setting. */
  static final String ARCHIVE_LIMIT_SETTING = "PODIUM_IMAGE_ARCHIVE_MAX_MB";

  static final String UPLOAD_LIMIT_SETTING = "PODIUM_UPLOAD_MAX_MB";

  /** Where Podium keeps its files: {@code PODIUM_HOME}, default {@code ~/.podium}. */
  public Path home() {
    return read("podium.home", "PODIUM_HOME")
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".podium"));
  }

  /**
   * Competition data, submissions, their attempts and the staging of uploads: {@code PODIUM_DATA},
   * default {@code PODIUM_HOME/data}. Nodes of one installation share it (e.g. NFS), at the same
   * path on every node, since their engines mount folders from it into containers.
   */
  public Path data() {
    return read("podium.data", "PODIUM_DATA").map(Path::of).orElseGet(() -> home().resolve("data"));
  }

  /** Docker engine address: {@code DOCKER_HOST}, default the local unix socket. */
  public String dockerHost() {
    return read("podium.docker.host", "DOCKER_HOST").orElse("unix:///var/run/docker.sock");
  }

  /** Directory of TLS certificates for a tcp engine: {@code DOCKER_CERT_PATH}, default none. */
  public Optional<String> dockerCertPath() {
    return read("podium.docker.cert.path", "DOCKER_CERT_PATH");
  }

  /**
   * Timeout of short engine calls (create, inspect, kill, remove). 30 seconds: a busy engine can
   * take seconds to create a container; calls that wait for a container have no timeout.
   */
  public Duration dockerCallTimeout() {
    return Duration.ofSeconds(
        number("podium.docker.call.timeout.seconds", "PODIUM_DOCKER_CALL_TIMEOUT_SECONDS", 30));
  }

  /**
   * Names this installation's containers and labels them, so that a restart finds and removes those
   * a crash left behind: {@code PODIUM_INSTALLATION_ID}, otherwise generated once and kept in
   * {@code PODIUM_HOME/installation-id}.
   */
  public String installationId() {
    return read("podium.installation.id", "PODIUM_INSTALLATION_ID")
        .orElseGet(() -> InstallationId.readOrCreate(home()));
  }

  /**
   * The OCI runtime of participant containers, e.g. {@code runsc}; the engine's default if unset.
   */
  public Optional<String> containerRuntime() {
    return read("podium.container.runtime", "PODIUM_CONTAINER_RUNTIME");
  }

  /**
   * A Docker {@code config.json}-style file with credentials per registry, used to pull organizers'
   * images (scoring programs), never participants': {@code PODIUM_REGISTRY_AUTH_FILE}, default
   * none.
   */
  public Optional<Path> registryAuthFile() {
    return read("podium.registry.auth.file", "PODIUM_REGISTRY_AUTH_FILE").map(Path::of);
  }

  /**
   * Registries ({@code host} or {@code host:port}) participants' references may name although they
   * are, or resolve to, loopback, link-local or private addresses: {@code
   * PODIUM_PRIVATE_REGISTRIES}, comma-separated, default none. Read on every check.
   */
  public java.util.List<String> privateRegistries() {
    return read("podium.private.registries", "PODIUM_PRIVATE_REGISTRIES")
        .map(list -> java.util.Arrays.stream(list.split(",")).map(String::trim))
        .map(entries -> entries.filter(entry -> !entry.isEmpty()).toList())
        .orElse(java.util.List.of());
  }

  /**
   * The key that encrypts participants' registry credentials while their submission waits or runs
   * (AES-256, generated at the first start), outside the database: {@code
   * PODIUM_CREDENTIALS_KEY_FILE}, default {@code PODIUM_HOME/credentials.key}. Every node of an
   * installation needs the same one.
   */
  public Path credentialsKeyFile() {
    return read("podium.credentials.key.file", "PODIUM_CREDENTIALS_KEY_FILE")
        .map(Path::of)
        .orElseGet(() -> home().resolve("credentials.key"));
  }

  /** The only platform uploaded image archives may be built for. */
  public String imagePlatform() {
    return read("podium.image.platform", "PODIUM_IMAGE_PLATFORM").orElse("linux/amd64");
  }

  /** The most an uploaded image archive may be, and unpack to, in MiB. */
  public long maxImageArchiveMb() {
    return number("podium.image.archive.max.mb", ARCHIVE_LIMIT_SETTING, 8192);
  }

  /** What a {@code docker save} archive may be, with the setting that raises it. */
  public UploadLimit archiveLimit() {
    return new UploadLimit("archive", maxImageArchiveMb() * MIB, ARCHIVE_LIMIT_SETTING);
  }

  /** Size of each run's /tmp, in MiB. */
  public long sandboxTmpMb() {
    return number("podium.sandbox.tmp.mb", "PODIUM_SANDBOX_TMP_MB", 256);
  }

  /** Size of each run's /dev/shm, in MiB. */
  public long sandboxShmMb() {
    return number("podium.sandbox.shm.mb", "PODIUM_SANDBOX_SHM_MB", 64);
  }

  /**
   * This node's GPUs, as the engine names them: indexes or UUIDs separated by commas, e.g. {@code
   * 0,1,2,3}: {@code PODIUM_GPU_DEVICES}, default none. Each run that asks for GPUs gets its own; a
   * run asking for more than are free waits for them.
   */
  public Optional<String> gpuDevices() {
    return read("podium.gpu.devices", "PODIUM_GPU_DEVICES");
  }

  /** Open files per run (the nofile ulimit). */
  public long sandboxOpenFiles() {
    return number("podium.sandbox.open.files", "PODIUM_SANDBOX_OPEN_FILES", 1024);
  }

  /** Whether anyone may create a participant account ({@code POST /api/accounts}). */
  public boolean selfRegistration() {
    return read("podium.self.registration", "PODIUM_SELF_REGISTRATION")
        .map(Boolean::parseBoolean)
        .orElse(true);
  }

  /** The most an uploaded zip (phase data, results) may be, and unpack to, in MiB. */
  public long maxUploadMb() {
    return number("podium.upload.max.mb", UPLOAD_LIMIT_SETTING, 2048);
  }

  /** What a zip of phase data or results may be, with the setting that raises it. */
  public UploadLimit zipLimit() {
    return new UploadLimit("zip", maxUploadMb() * MIB, UPLOAD_LIMIT_SETTING);
  }

  /** What a file of a competition's Files tab may be: as large as a zip of phase data. */
  public UploadLimit fileLimit() {
    return new UploadLimit("file", maxUploadMb() * MIB, UPLOAD_LIMIT_SETTING);
  }

  /**
   * The fewest attempts a submission has before the platform's failures fail it for good (and only
   * once they have gone on for {@link #retryWindow()}).
   */
  public int maxAttempts() {
    return (int) number("podium.max.attempts", "PODIUM_MAX_ATTEMPTS", 3);
  }

  /**
   * How many of one participant's submissions may run at once on the installation: the rest wait,
   * so one participant's burst cannot take every slot from the others.
   */
  public int runsPerParticipant() {
    return (int) number("podium.runs.per.participant", "PODIUM_RUNS_PER_PARTICIPANT", 1);
  }

  /** How long a node's hold on a run lasts unless renewed: another node takes over after it. */
  public Duration leaseDuration() {
    return Duration.ofSeconds(number("podium.lease.seconds", "PODIUM_LEASE_SECONDS", 60));
  }

  /** How often a node renews the leases of its runs and looks for expired ones. */
  public Duration heartbeat() {
    return Duration.ofSeconds(number("podium.heartbeat.seconds", "PODIUM_HEARTBEAT_SECONDS", 10));
  }

  /**
   * How long the platform may fail a submission (no engine, a registry down, a lost worker) before
   * it is given up as INFRA_ERROR: an outage shorter than this fails nothing.
   */
  public Duration retryWindow() {
    return Duration.ofMinutes(
        number("podium.retry.window.minutes", "PODIUM_RETRY_WINDOW_MINUTES", 15));
  }

  /** The back-off of platform failures, see {@link org.podium.submission.RetryPolicy}. */
  public Duration firstRetryDelay() {
    return Duration.ofSeconds(
        number("podium.retry.first.seconds", "PODIUM_RETRY_FIRST_SECONDS", 5));
  }

  /** How many containers this node runs at once: its run slots (the compute executor's threads). */
  public int computeSlots() {
    return (int) number("podium.compute.threads", "PODIUM_COMPUTE_THREADS", 2);
  }

  /** What this node does: all (default), web or worker, see {@link NodeRole}. */
  public NodeRole role() {
    return read("podium.role", "PODIUM_ROLE").map(NodeRole::of).orElse(NodeRole.ALL);
  }

  /** This server's name in a cluster, recorded on the submissions it runs. */
  public String nodeName() {
    return read("podium.node.id", "PODIUM_NODE_ID").orElse("podium-1");
  }

  private static long number(String property, String environmentVariable, long fallback) {
    return read(property, environmentVariable)
        .map(
            value -> {
              try {
                return Long.parseLong(value);
              } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                    environmentVariable + " must be a whole number, not '" + value + "'");
              }
            })
        .orElse(fallback);
  }

  /** User name of the bootstrap administrator, created at the first start. */
  public String adminUsername() {
    return read("podium.admin.username", "PODIUM_ADMIN_USERNAME").orElse("admin");
  }

  /** Email of the bootstrap administrator. */
  public String adminEmail() {
    return read("podium.admin.email", "PODIUM_ADMIN_EMAIL").orElse("admin@localhost");
  }

  /**
   * Password of the bootstrap administrator when the operator chooses it; otherwise Podium
   * generates one at the first start and keeps it in {@code PODIUM_HOME}.
   */
  public Optional<String> adminPassword() {
    return read("podium.admin.password", "PODIUM_ADMIN_PASSWORD");
  }

  /**
   * The address people use to reach Podium, such as {@code https://podium.example.org}: {@code
   * PODIUM_PUBLIC_URL}, default none. When it is https the session cookie is marked {@code Secure}
   * (behind a TLS-terminating proxy the server cannot tell by itself).
   */
  public Optional<String> publicUrl() {
    return read("podium.public.url", "PODIUM_PUBLIC_URL");
  }

  /** Whether session cookies carry {@code Secure}: the public address is https. */
  public boolean secureCookies() {
    return publicUrl().map(url -> url.regionMatches(true, 0, "https://", 0, 8)).orElse(false);
  }

  /**
   * Origins, besides the request's own and {@link #publicUrl}'s, from which signed-in pages may
   * change state through the API (a page served at another address of a proxy): {@code
   * PODIUM_ALLOWED_ORIGINS}, comma-separated, such as {@code https://podium.example.org}; default
   * none.
   */
  public java.util.List<String> allowedOrigins() {
    java.util.List<String> origins = new java.util.ArrayList<>();
    publicUrl().ifPresent(origins::add);
    read("podium.allowed.origins", "PODIUM_ALLOWED_ORIGINS")
        .ifPresent(
            list -> {
              for (String origin : list.split(",")) {
                if (!origin.isBlank()) {
                  origins.add(origin.trim());
                }
              }
            });
    return origins;
  }

  static Optional<String> read(String property, String environmentVariable) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environmentVariable);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
