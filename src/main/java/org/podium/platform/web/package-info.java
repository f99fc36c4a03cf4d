/**
 * What HTTP and pages need of every feature: the JAX-RS application, bounded request bodies,
 * Podium's own JSON body reader and streamed multipart forms, the origin check of calls signed in
 * by the page session, the refusal of NUL in addresses, the worker-node filter, security headers
 * with the script nonce, and page helpers (messages next to fields, formats, Markdown, upload
 * limits on pages). May import {@code platform} and {@code platform.problem}.
 */
package org.podium.platform.web;
