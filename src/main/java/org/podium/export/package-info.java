/**
 * Exports for organizers and participants: a phase's submissions as CSV, the outputs and logs of
 * its submissions as a zip, a participant's own submission's output as a zip; all streamed, read in
 * chunks of one transaction each. May import {@code competition}, {@code submission}, {@code
 * account}, {@code scoring} (where its logs are), {@code storage} and {@code platform}; nothing
 * imports it back.
 */
package org.podium.export;
