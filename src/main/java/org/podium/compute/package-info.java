/**
 * The sandbox: plain Java over docker-java, no Jakarta type (ArchitectureTest). Runs one image with
 * the limits Podium sets, pulls and loads images, reads output, captures logs, reaps orphans. May
 * import {@code files} only of Podium; the server wires it in (package {@code engine}).
 */
package org.podium.compute;
