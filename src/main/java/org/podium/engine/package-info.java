/**
 * The compute library wired into the server: the one Docker engine client, the sandbox, image
 * archives and the reaper made from configuration (CDI producers), registry credentials read from
 * the operator's file, and the engine's part of health. May import {@code compute} and {@code
 * platform}; nothing imports it but through CDI.
 */
package org.podium.engine;
