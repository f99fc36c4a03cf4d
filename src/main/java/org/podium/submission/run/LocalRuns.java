package org.podium.submission.run;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.podium.submission.ClaimedRun;
import org.podium.submission.SubmissionLifecycle;

/** The attempts this node is running now: the leases its heartbeat renews. */
@ApplicationScoped
public class LocalRuns {

  private final Set<SubmissionLifecycle.Held> running = ConcurrentHashMap.newKeySet();

  void add(ClaimedRun run) {
    running.add(new SubmissionLifecycle.Held(run.submissionId(), run.attempt()));
  }

  void remove(ClaimedRun run) {
    running.remove(new SubmissionLifecycle.Held(run.submissionId(), run.attempt()));
  }

  boolean holds(SubmissionLifecycle.Held attempt) {
    return running.contains(attempt);
  }

  List<SubmissionLifecycle.Held> all() {
    return List.copyOf(running);
  }

  public int size() {
    return running.size();
  }
}
