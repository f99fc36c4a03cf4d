package org.podium.submission;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;
import org.podium.platform.Resources;

/**
 * Sends run requests: each message carries a submission id only. The injected JMS context joins the
 * caller's JTA transaction, so a message exists exactly when its submission's change commits.
 */
@ApplicationScoped
public class RunRequests {

  @Inject JMSContext jms;

  @Resource(name = Resources.RUN_QUEUE)
  Queue runQueue;

  public void send(long submissionId) {
    jms.createProducer().send(runQueue, Long.toString(submissionId));
  }

  public void sendLater(long submissionId, Duration delay) {
    jms.createProducer()
        .setDeliveryDelay(delay.toMillis())
        .send(runQueue, Long.toString(submissionId));
  }
}
