package org.podium.submission;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.podium.platform.Resources;

/**
 * Receives run requests and hands them to the compute jobs; a failure is rethrown so the broker
 * redelivers the message and, after the last attempt, parks it in the dead-letter queue.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Resources.RUN_QUEUE_DESTINATION),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
public class RunRequestListener implements MessageListener {

  @Inject ComputeJobs computeJobs;

  @Override
  public void onMessage(Message message) {
    try {
      computeJobs.dispatch(Long.parseLong(((TextMessage) message).getText()));
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable run request", e);
    }
  }
}
