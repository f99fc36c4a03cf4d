package org.podium.submission;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import org.podium.platform.Resources;

/**
 * Tells every node to stop an attempt's containers (run and scoring): a cancel reaches the node
 * that runs the attempt, whichever node took the cancel. Sent in the caller's transaction, so it is
 * heard only once the cancel is committed.
 */
@ApplicationScoped
public class RunControl {

  @Inject JMSContext jms;

  @Resource(name = Resources.RUN_CONTROL_TOPIC)
  Topic topic;

  public void stop(long submissionId, int attempt) {
    jms.createProducer().send(topic, submissionId + " " + attempt);
  }
}
