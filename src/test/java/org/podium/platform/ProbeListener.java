package org.podium.platform;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** A test listener on a queue of its own, recording what it receives into {@link ProbeInbox}. */
@JMSDestinationDefinition(
    name = ProbeListener.QUEUE,
    interfaceName = "jakarta.jms.Queue",
    destinationName = "PodiumTransactionProbe")
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = ProbeListener.QUEUE),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      // One session, so messages arrive in the order they were committed.
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
public class ProbeListener implements MessageListener {

  static final String QUEUE = "java:app/jms/PodiumTransactionProbe";

  @Inject ProbeInbox inbox;

  @Override
  public void onMessage(Message message) {
    try {
      inbox.add(((TextMessage) message).getText());
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }
}
