package org.podium.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/**
 * Tells the browsers connected to this node, of a submission's owner and of its competition's
 * organizers, that it changed: their pages re-render the submissions table. Called for every
 * committed change, whichever node made it ({@link RunControlListener}).
 */
@ApplicationScoped
public class SubmissionPush {

  @Inject
  @Push(channel = "submissions")
  PushContext channel;

  @PersistenceContext EntityManager entityManager;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void changed(long submissionId) {
    List<?> owner =
        entityManager
            .createQuery("select s.participant.account.username from Submission s where s.id = :id")
            .setParameter("id", submissionId)
            .getResultList();
    List<?> organizers =
        entityManager
            .createQuery(
                "select o.username from Submission s join s.phase.competition.organizers o where s.id = :id")
            .setParameter("id", submissionId)
            .getResultList();
    Set<String> users = new java.util.HashSet<>();
    owner.forEach(user -> users.add(user.toString()));
    organizers.forEach(user -> users.add(user.toString()));
    if (!users.isEmpty()) {
      channel.send("changed", (java.util.Collection<String>) users);
    }
  }
}
