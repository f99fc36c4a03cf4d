package org.podium.submission;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.podium.platform.Resources;

/**
 * Hands each run request to the compute executor: its threads are this node's run slots, and
 * requests beyond them wait in its queue, in order.
 */
@ApplicationScoped
public class ComputeJobs {

  @Resource(name = Resources.COMPUTE_EXECUTOR)
  ManagedExecutorService executor;

  @Inject SubmissionRunner runner;

  public void dispatch(long submissionId) {
    executor.execute(() -> runner.run(submissionId));
  }
}
