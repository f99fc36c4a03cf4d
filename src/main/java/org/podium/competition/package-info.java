/**
 * Competitions, phases (settings, data, scoring), leaderboard columns and participants, with their
 * rules ({@code Competitions}), pages and resource. May import {@code account}, {@code scoring}
 * (metrics), {@code compute} (image references), {@code storage} and {@code platform}.
 */
package org.podium.competition;
