package org.podium.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Tells the browsers connected to this node, of a submission's owner and of its competition's
 * organizers, that it changed: their pages re-render the submissions table. Called for every
 * committed change, whichever node made it (the run-control topic's listener, submission.run).
 */
@ApplicationScoped
public class SubmissionPush {

  @Inject
  @Push(channel = "submissions")
  PushContext channel;

  @Inject Submissions submissions;

  public void changed(long submissionId) {
    Set<String> users = submissions.watchers(submissionId);
    if (!users.isEmpty()) {
      channel.send("changed", users);
    }
  }
}
