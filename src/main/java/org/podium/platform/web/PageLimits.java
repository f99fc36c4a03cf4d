package org.podium.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.podium.platform.PodiumConfig;
import org.podium.platform.problem.UploadLimit;

/**
 * The upload limits as pages show them ({@code #{limits.archive.size()}}) and as the browser checks
 * a chosen file before sending it ({@code data-max-bytes}, {@code data-too-large}).
 */
@Named("limits")
@RequestScoped
public class PageLimits {

  @Inject PodiumConfig config;

  /** A {@code docker save} archive. */
  public UploadLimit getArchive() {
    return config.archiveLimit();
  }

  /** A zip of phase data or of results. */
  public UploadLimit getZip() {
    return config.zipLimit();
  }

  /** A file of a competition's Files tab. */
  public UploadLimit getFile() {
    return config.fileLimit();
  }
}
