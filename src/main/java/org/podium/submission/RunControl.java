package org.podium.submission;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import org.podium.platform.Resources;

/**
 * What every node must hear, on the run-control topic: "stop this attempt's containers" (a cancel
 * reaches the node that runs the attempt, whichever node took the cancel) and "this submission
 * changed" (each node updates the pages open on it). Sent in the caller's transaction, so each is
 * heard only once the change it announces is committed.
 */
@ApplicationScoped
public class RunControl {

  /** The message property that says which of the two a message is. */
  public static final String KIND = "kind";

  public static final String STOP = "stop";

  public static final String CHANGED = "changed";

  @Inject JMSContext jms;

  @Resource(name = Resources.RUN_CONTROL_TOPIC)
  Topic topic;

  public void stop(long submissionId, int attempt) {
    jms.createProducer().setProperty(KIND, STOP).send(topic, submissionId + " " + attempt);
  }

  /**
   * A submission's status changed: pages on every node redraw it. Not persistent: a page that
   * misses one (a broker restart) shows it at its next update or reload.
   */
  void changed(@Observes SubmissionChanged change) {
    jms.createProducer()
        .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
        .setProperty(KIND, CHANGED)
        .send(topic, Long.toString(change.submissionId()));
  }
}
