package org.podium.competition.files;

/**
 * Whether a caller may list and download a competition's files, and why not when they may not.
 *
 * @param allowed whether they may
 * @param organizer whether they organize the competition (and so may upload and delete)
 * @param everyone whether the organizers opened the files to everyone who sees the competition
 * @param refusal when not allowed, a sentence that says what to do ("Join this competition …")
 */
public record FileAccess(boolean allowed, boolean organizer, boolean everyone, String refusal) {}
