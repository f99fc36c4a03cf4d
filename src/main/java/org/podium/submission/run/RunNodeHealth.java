package org.podium.submission.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.podium.platform.PodiumConfig;
import org.podium.platform.health.ComponentHealth;
import org.podium.platform.health.NodeHealth;

/**
 * This node in {@code /api/health}: its name and role, its run slots and how many are free, the
 * runs whose leases it holds, and when its heartbeat last renewed them. {@code up} while the
 * heartbeat keeps time; {@code late} when it has missed three (other nodes will soon take its
 * runs).
 */
@ApplicationScoped
public class RunNodeHealth implements NodeHealth {

  @Inject PodiumConfig config;

  @Inject ComputeJobs computeJobs;

  @Inject LocalRuns localRuns;

  @Inject RunRecovery recovery;

  @Override
  public ComponentHealth node() {
    Instant beat = recovery.lastBeat();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("name", config.nodeName());
    facts.put("role", config.role().word());
    facts.put("takesRuns", Boolean.toString(computeJobs.takesRuns()));
    facts.put("slots", Integer.toString(config.computeSlots()));
    facts.put("freeSlots", Integer.toString(computeJobs.freeSlots()));
    facts.put("runsHeld", Integer.toString(localRuns.size()));
    facts.put("leaseSeconds", Long.toString(config.leaseDuration().toSeconds()));
    facts.put("lastHeartbeat", beat == null ? "none yet" : beat.toString());
    boolean late =
        beat != null && beat.plus(config.heartbeat().multipliedBy(3)).isBefore(Instant.now());
    return new ComponentHealth(late ? "late" : ComponentHealth.UP, facts);
  }
}
