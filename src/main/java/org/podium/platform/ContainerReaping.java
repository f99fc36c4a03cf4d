package org.podium.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.podium.compute.Reaper;
import org.podium.compute.Sandbox;

/**
 * At start-up, removes containers this installation started that no live run owns: those a crash or
 * a lost engine connection left behind. Without an engine it says so and carries on.
 */
@Singleton
@Startup
public class ContainerReaping {

  private static final Logger LOG = Logger.getLogger(ContainerReaping.class.getName());

  @Inject Reaper reaper;

  @Inject Sandbox sandbox;

  @PostConstruct
  void reapOrphans() {
    try {
      List<String> reaped = reaper.reap(sandbox.liveRuns());
      if (!reaped.isEmpty()) {
        LOG.info(() -> "Removed " + reaped.size() + " containers left by earlier runs: " + reaped);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Could not look for containers left by earlier runs: {0}", e.getMessage());
    }
  }
}
