package org.podium.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What {@link ProbeListener} received, for the test to look at. */
@ApplicationScoped
public class ProbeInbox {

  private final List<String> received = new CopyOnWriteArrayList<>();

  void add(String body) {
    received.add(body);
  }

  public List<String> received() {
    return List.copyOf(received);
  }
}
