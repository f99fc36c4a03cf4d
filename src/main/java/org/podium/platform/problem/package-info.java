/**
 * Refusals and how they are answered: {@code Problem}, the sealed family services throw (bad
 * request, invalid field, not signed in, not allowed, not found, conflict, quota used, too large),
 * one JAX-RS mapper per kind choosing its HTTP status, the problem+json document, request checks by
 * Bean Validation ({@code Checks}), and upload limits. May import {@code platform} and {@code
 * files}.
 */
package org.podium.platform.problem;
