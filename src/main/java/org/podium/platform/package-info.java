/**
 * What every feature stands on: configuration ({@code PodiumConfig}, roles, JNDI names), schema
 * migration, health, request-body limits and multipart reading, problem+json mapping, page support
 * (messages, formats, Markdown, security headers) and the wiring of {@code compute} into the
 * server. May import {@code compute}; no feature package.
 */
package org.podium.platform;
