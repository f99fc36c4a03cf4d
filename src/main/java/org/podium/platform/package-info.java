/**
 * What every feature stands on: configuration ({@code PodiumConfig}, roles, JNDI names), schema
 * migration, health (the engine's part through {@code EngineProbe}), request-body limits and
 * multipart reading, refusals ({@code Problem}) and their problem+json mappers, request checks
 * (Bean Validation), page support (messages, formats, Markdown, security headers). May import
 * {@code files}; no feature package and not {@code compute}.
 */
package org.podium.platform;
