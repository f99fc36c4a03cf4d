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
import org.podium.compute.Sandbox;
import org.podium.platform.Resources;
import org.podium.submission.RunControl;
import org.podium.submission.SubmissionLifecycle;
import org.podium.submission.SubmissionPush;

/**
 * Hears run control on every node. A stop: when this node holds the named attempt, its containers
 * stop now (and, if it has not started them yet, they never start); other nodes ignore it. A
 * change: the browsers connected to this node that show the submission redraw it.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Resources.RUN_CONTROL_DESTINATION),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunControlListener implements MessageListener {

  @Inject LocalRuns localRuns;

  @Inject Sandbox sandbox;

  @Inject SubmissionPush push;

  @Override
  public void onMessage(Message message) {
    String[] words;
    String kind;
    try {
      words = ((TextMessage) message).getText().split(" ");
      kind = message.getStringProperty(RunControl.KIND);
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable run control", e);
    }
    if (RunControl.CHANGED.equals(kind)) {
      push.changed(Long.parseLong(words[0]));
      return;
    }
    var attempt =
        new SubmissionLifecycle.Held(Long.parseLong(words[0]), Integer.parseInt(words[1]));
    if (localRuns.holds(attempt)) {
      // The runner forgets these cancels when the attempt ends, whether or not they were needed.
      sandbox.cancel(attempt.runId());
      sandbox.cancel(attempt.runId() + "-scoring");
    }
  }
}
