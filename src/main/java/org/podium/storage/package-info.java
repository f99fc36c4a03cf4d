/**
 * Files under {@code PODIUM_HOME/data}: where phase data and submissions live ({@code DataStore}),
 * uploads staged per node and moved into place once accepted ({@code Uploads}, {@code Staged}),
 * safe unzipping. May import {@code files} and {@code platform}.
 */
package org.podium.storage;
