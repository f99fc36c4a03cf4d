package org.podium.competition.files;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.podium.account.Caller;
import org.podium.platform.Page;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.ListPages;

/**
 * Backs the Files tab of a competition's page: whether the caller may download its files (and what
 * to do when not), and a page of them ({@code fpage} in the address).
 */
@Named("filesTab")
@RequestScoped
public class FilesTab {

  @Inject CompetitionFiles files;

  @Inject Caller caller;

  private FileAccess access;
  private Page<FileView> list;

  /** What the caller may do; "cannot" with a reason when the competition is not theirs to see. */
  public FileAccess access(Long competitionId) {
    if (access == null) {
      try {
        access = files.access(caller.account(), competitionId);
      } catch (Problem notVisible) {
        access = new FileAccess(false, false, false, notVisible.getMessage());
      }
    }
    return access;
  }

  /** A page of the files, by name; empty for a caller who may not download them. */
  public Page<FileView> of(Long competitionId, String page) {
    if (list == null) {
      list =
          access(competitionId).allowed()
              ? ListPages.read(
                  () -> files.list(caller.account(), competitionId, ListPages.request(page)))
              : Page.empty();
    }
    return list;
  }
}
