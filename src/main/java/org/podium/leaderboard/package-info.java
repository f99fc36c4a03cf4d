/**
 * Leaderboards: ranking finished submissions by a phase's columns ({@code Ranking}), their view and
 * resource. May import {@code competition}, {@code submission}, {@code account} and {@code
 * platform}; nothing imports it back.
 */
package org.podium.leaderboard;
