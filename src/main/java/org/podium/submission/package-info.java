/**
 * Submissions: the intake every boundary shares ({@code SubmissionIntake}, {@code
 * SubmissionRequest}, {@code Submissions.submit}), the transition table and every status change
 * ({@code SubmissionLifecycle}), and the run side (run requests over JMS, the listener, run slots,
 * the runner, leases and recovery). May import every feature package but {@code leaderboard}.
 */
package org.podium.submission;
