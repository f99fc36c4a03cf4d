package org.podium.compute;

/**
 * The exact image a run will start.
 *
 * @param id the engine's image id, which the container is created from
 * @param digest what ran, for the record: the registry digest of a pulled image, else the id
 */
record ResolvedImage(String id, String digest) {}
