package org.podium.submission.run;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.podium.platform.Resources;

/**
 * Receives run requests and hands them to the compute jobs, waiting there for a free run slot. It
 * runs outside a transaction: a wait for a slot may outlast any transaction timeout, and every
 * change it makes is a transaction of the submission's life cycle. The request is acknowledged when
 * this returns; a failure is rethrown so the broker redelivers it (and, after the last delivery,
 * parks it in the dead-letter queue); a node that dies while holding it leaves it to another.
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
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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
