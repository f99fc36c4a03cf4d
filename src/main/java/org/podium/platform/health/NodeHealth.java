package org.podium.platform.health;

/**
 * This node's part in running submissions (its name, run slots, the leases it holds and renews),
 * for {@code /api/health}; provided by the run pipeline, which platform code does not depend on.
 */
public interface NodeHealth {

  ComponentHealth node();
}
