/**
 * Folder operations that never follow links (delete, replace, copy): plain Java, used by the
 * sandbox and the data store alike. Imports nothing of Podium.
 */
package org.podium.files;
