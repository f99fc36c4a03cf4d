/**
 * Configuration and the runtime every feature stands on: {@code PodiumConfig} (every setting), node
 * roles, JNDI names, the installation id, schema migration at deployment. Its subpackages hold
 * refusals ({@code problem}), health ({@code health}) and web and page support ({@code web}). May
 * import {@code files} and its subpackages; no feature package and not {@code compute}.
 */
package org.podium.platform;
