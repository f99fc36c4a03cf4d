/**
 * A competition's Files tab (issue 15): files organizers upload for participants to download
 * (public data, a starting kit, an example image), who may download them, and their page and API
 * boundaries. Apart from a phase's hidden data, which no file of the tab can reach.
 */
package org.podium.competition.files;
