package org.podium.account;

import java.time.Instant;

/** An API token as its owner sees it, in the API and on "Your account": never its secret. */
public record TokenView(
    long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
