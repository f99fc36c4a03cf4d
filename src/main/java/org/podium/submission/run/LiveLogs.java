package org.podium.submission.run;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.podium.compute.CapturedLog;
import org.podium.compute.Sandbox;
import org.podium.storage.AttemptFiles;
import org.podium.storage.DataStore;
import org.podium.submission.SubmissionLifecycle;

/**
 * While a run goes on, what it printed reaches its page (issue 15): every two seconds, the logs of
 * this node's runs that wrote something new are put in their attempt's folder ({@code
 * stdout.so-far.log}), which a submission's page asks for while the run is live (on any node). The
 * logs written when the run ends replace them.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LiveLogs {

  private static final Logger LOG = Logger.getLogger(LiveLogs.class.getName());

  @Inject LocalRuns localRuns;

  @Inject Sandbox sandbox;

  @Inject DataStore dataStore;

  /** How many bytes each run had written at the last look. */
  private final Map<String, Long> seen = new ConcurrentHashMap<>();

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  void look() {
    Set<String> running = new HashSet<>();
    for (SubmissionLifecycle.Held held : localRuns.all()) {
      running.add(held.runId());
      try {
        sandbox.logsSoFar(held.runId()).ifPresent(logs -> write(held, logs));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not show the logs of " + held.runId() + " so far", e);
      }
    }
    seen.keySet().retainAll(running);
  }

  private void write(SubmissionLifecycle.Held held, List<CapturedLog> logs) {
    long written = logs.get(0).totalBytes() + logs.get(1).totalBytes();
    if (Objects.equals(seen.put(held.runId(), written), written)) {
      return;
    }
    AttemptFiles files = dataStore.attempt(held.id(), held.attempt());
    try {
      replace(files.stdoutSoFar(), logs.get(0).text());
      replace(files.stderrSoFar(), logs.get(1).text());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Whole or not at all: a page never reads half a file. */
  private static void replace(Path file, String text) throws IOException {
    if (!Files.isDirectory(file.getParent())) {
      return;
    }
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.writeString(next, text, StandardCharsets.UTF_8);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
