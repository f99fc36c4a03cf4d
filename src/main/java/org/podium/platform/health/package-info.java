/**
 * {@code /api/health}: the database, the broker, the Docker engine (through {@code EngineProbe},
 * which package {@code engine} implements) and this node. May import {@code platform}.
 */
package org.podium.platform.health;
