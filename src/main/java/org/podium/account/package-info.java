/**
 * Accounts and signing in: {@code Account}, roles, API tokens, the identity store (PBKDF2), the
 * bearer/Basic authentication mechanism, the first administrator, and their pages and resource. May
 * import {@code platform}; nothing of competitions or submissions.
 */
package org.podium.account;
