package org.podium.submission.run;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.podium.compute.DockerEngine;
import org.podium.compute.EngineStatus;
import org.podium.platform.PodiumConfig;
import org.podium.platform.Resources;
import org.podium.submission.ClaimedRun;
import org.podium.submission.SubmissionLifecycle;

/**
 * Takes a run request only when this node has a free run slot, and hands the claimed attempt to the
 * compute executor, whose threads are the slots. The caller (the run-request listener) waits for a
 * slot, so requests beyond the slots stay in the broker, for this node or any other, never in a
 * queue in this node's memory; and the request is acknowledged only once its submission has been
 * claimed or found not to need this node.
 */
@ApplicationScoped
public class ComputeJobs {

  private static final Logger LOG = Logger.getLogger(ComputeJobs.class.getName());

  /** How long a submission waits before it asks again for an engine that did not answer. */
  static final Duration ENGINE_WAIT = Duration.ofSeconds(10);

  private static final Duration ENGINE_STATUS_AGE = Duration.ofSeconds(2);

  @Resource(name = Resources.COMPUTE_EXECUTOR)
  ManagedExecutorService executor;

  @Inject SubmissionRunner runner;

  @Inject SubmissionLifecycle lifecycle;

  @Inject LocalRuns localRuns;

  @Inject DockerEngine engine;

  @Inject PodiumConfig config;

  private Semaphore slots;

  private volatile Instant engineCheckedAt = Instant.EPOCH;
  private volatile EngineStatus engineStatus;

  private synchronized Semaphore slots() {
    if (slots == null) {
      slots = new Semaphore(Math.max(1, config.computeSlots()), true);
    }
    return slots;
  }

  /** Free run slots on this node now: none on a node that takes no runs. */
  public int freeSlots() {
    return takesRuns() ? slots().availablePermits() : 0;
  }

  /**
   * Whether run requests reach this node: unless its role is web on WildFly, whose delivery group
   * {@code podium-runs} then holds the listener back (server-config/wildfly/podium.cli). Payara has
   * no such switch: its listener always delivers, whatever the role.
   */
  public boolean takesRuns() {
    return config.role().takesRuns() || System.getProperty("jboss.server.base.dir") == null;
  }

  /**
   * Waits for a free slot, claims the submission and runs its attempt on the executor; returns once
   * the attempt has ended, or at once when there is nothing to run (taken, ended, backing off, its
   * owner's turn has not come, or no engine answers: then it is asked for again later and says so).
   */
  public void dispatch(long submissionId) {
    LOG.fine(() -> "run request for submission " + submissionId);
    Semaphore slots = slots();
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a run slot", e);
    }
    boolean handedOver = false;
    try {
      if (lifecycle.needsEngine(submissionId)) {
        EngineStatus status = engineStatus();
        if (!status.reachable()) {
          lifecycle.awaitEngine(submissionId, status.reason(), ENGINE_WAIT);
          return;
        }
      }
      Optional<ClaimedRun> claimed =
          lifecycle.claim(
              submissionId, config.nodeName(), config.runsPerParticipant(), config.leaseDuration());
      if (claimed.isEmpty()) {
        return; // taken, ended, backing off, or its owner's turn has not come
      }
      ClaimedRun run = claimed.get();
      localRuns.add(run);
      Future<?> attempt;
      try {
        attempt =
            executor.submit(
                () -> {
                  try {
                    runner.run(run);
                  } finally {
                    localRuns.remove(run);
                    slots.release();
                  }
                });
        handedOver = true;
      } catch (RejectedExecutionException e) {
        localRuns.remove(run);
        LOG.log(Level.WARNING, "The compute executor refused run " + run.runId(), e);
        lifecycle.platformFailure(
            run.submissionId(),
            run.attempt(),
            "this node's executor refused the run",
            runner.retryPolicy());
        return;
      }
      // The listener's session takes its next request only once this slot is free again.
      awaitEnd(attempt);
    } finally {
      if (!handedOver) {
        slots.release();
      }
    }
  }

  private static void awaitEnd(Future<?> attempt) {
    try {
      attempt.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping: the attempt ends on its own
    } catch (ExecutionException e) {
      LOG.log(Level.WARNING, "A run ended with an error the runner did not handle", e.getCause());
    }
  }

  /** The engine's status, asked at most every two seconds. */
  private EngineStatus engineStatus() {
    Instant now = Instant.now();
    EngineStatus known = engineStatus;
    if (known != null && now.isBefore(engineCheckedAt.plus(ENGINE_STATUS_AGE))) {
      return known;
    }
    EngineStatus fresh = engine.status();
    engineStatus = fresh;
    engineCheckedAt = now;
    return fresh;
  }
}
