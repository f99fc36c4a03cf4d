package org.podium.platform;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.testing.Deployments;

/**
 * The property the run queue relies on: a message sent inside a JTA transaction with the platform's
 * connection factory is delivered only when, and only if, the transaction commits.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionalMessagingIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.podiumWithAwaitility().addClasses(ProbeListener.class, ProbeInbox.class);
  }

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = ProbeListener.QUEUE)
  Queue probeQueue;

  @Inject UserTransaction transaction;

  @Inject ProbeInbox inbox;

  @Test
  void messageReachesTheListenerOnlyAfterCommit() throws Exception {
    String body = "committed-" + UUID.randomUUID();

    transaction.begin();
    try {
      send(body);
      // The listener is idle and the broker local: had the send escaped the transaction it
      // would be delivered well within this window.
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(3))
          .until(inbox::received, not(hasItem(body)));
      transaction.commit();
    } catch (Exception | AssertionError e) {
      transaction.rollback();
      throw e;
    }

    await().atMost(Duration.ofSeconds(10)).until(inbox::received, hasItem(body));
  }

  @Test
  void messageSentInARolledBackTransactionIsNeverDelivered() throws Exception {
    String rolledBack = "rolled-back-" + UUID.randomUUID();
    String marker = "marker-" + UUID.randomUUID();

    transaction.begin();
    send(rolledBack);
    transaction.rollback();

    // One listener session delivers in order: once the later marker arrives, the rolled-back
    // message, had it been sent, would have arrived before it.
    transaction.begin();
    send(marker);
    transaction.commit();

    await().atMost(Duration.ofSeconds(10)).until(inbox::received, hasItem(marker));
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(2))
        .until(inbox::received, not(hasItem(rolledBack)));
  }

  private void send(String body) {
    try (JMSContext context = connectionFactory.createContext()) {
      context.createProducer().send(probeQueue, body);
    }
  }
}
