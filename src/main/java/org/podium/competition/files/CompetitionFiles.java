package org.podium.competition.files;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.podium.account.Account;
import org.podium.competition.Competition;
import org.podium.competition.Competitions;
import org.podium.competition.Participant;
import org.podium.platform.Page;
import org.podium.platform.PageRequest;
import org.podium.platform.problem.Problem;
import org.podium.storage.DataStore;
import org.podium.storage.Uploads;

/**
 * A competition's Files tab: who may list and download its files (its organizers and approved
 * participants, or everyone who sees the competition when the organizers say so), and the rows of
 * the files organizers upload and delete. Only rows of {@code competition_file} are ever listed or
 * served, each from its own folder: a phase's input or reference data has no row and no path here.
 */
@Stateless
public class CompetitionFiles {

  @PersistenceContext EntityManager entityManager;

  @Inject Competitions competitions;

  @Inject DataStore dataStore;

  @Inject Uploads uploads;

  /** A file and where its bytes are, to stream them. */
  public record Download(FileView file, Path path) {}

  /** What the caller may do with the competition's files; 404 when they cannot see it. */
  public FileAccess access(Optional<Account> caller, long competitionId) {
    Competition competition = competitions.visible(caller, competitionId);
    boolean everyone = competition.isFilesPublic();
    Account account = caller.orElse(null);
    if (competition.isOrganizedBy(account)) {
      return new FileAccess(true, true, everyone, null);
    }
    if (everyone) {
      return new FileAccess(true, false, true, null);
    }
    if (account == null) {
      return new FileAccess(
          false, false, false, "Sign in and join this competition to download its files.");
    }
    Optional<Participant> participant = competitions.participant(competition, account);
    if (participant.isEmpty()) {
      return new FileAccess(false, false, false, "Join this competition to download its files.");
    }
    return switch (participant.get().getStatus()) {
      case APPROVED -> new FileAccess(true, false, false, null);
      case PENDING ->
          new FileAccess(
              false,
              false,
              false,
              "Your participation waits for an organizer's approval: you can download the files"
                  + " once you are approved.");
      case DENIED ->
          new FileAccess(
              false,
              false,
              false,
              "Your participation in this competition was declined, so you cannot download its"
                  + " files.");
    };
  }

  /** 401 for an anonymous caller, 403 for one who may see the competition but not its files. */
  private void requireAccess(Optional<Account> caller, long competitionId) {
    FileAccess access = access(caller, competitionId);
    if (!access.allowed()) {
      throw caller.isEmpty()
          ? Problem.unauthorized(access.refusal())
          : Problem.forbidden(access.refusal());
    }
  }

  /** The competition's files by name, a page at a time, for those who may download them. */
  public Page<FileView> list(Optional<Account> caller, long competitionId, PageRequest request) {
    requireAccess(caller, competitionId);
    var items =
        entityManager
            .createQuery(
                "select f from CompetitionFile f where f.competitionId = :competition"
                    + " order by f.name, f.id",
                CompetitionFile.class)
            .setParameter("competition", competitionId)
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultList();
    long total =
        entityManager
            .createQuery(
                "select count(f) from CompetitionFile f where f.competitionId = :competition",
                Long.class)
            .setParameter("competition", competitionId)
            .getSingleResult();
    return Page.of(items.stream().map(FileView::of).toList(), request, total);
  }

  /** One file and its bytes' place, for those who may download it; 404 for another's file. */
  public Download download(Optional<Account> caller, long competitionId, long fileId) {
    requireAccess(caller, competitionId);
    CompetitionFile file = file(competitionId, fileId);
    Path path = dataStore.competitionFile(competitionId, fileId);
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      throw Problem.notFound("file " + fileId);
    }
    return new Download(FileView.of(file), path);
  }

  /**
   * Refuses an upload before its body is read: the caller organizes the competition, the name (when
   * known) and description are valid and the name is free.
   */
  public void checkUpload(Account caller, long competitionId, String name, String description) {
    competitions.organized(caller, competitionId);
    if (name != null) {
      requireFree(competitionId, FileNames.name(name));
    }
    FileNames.description(description);
  }

  /** Adds a received file to the tab under {@code name}; its bytes move into place on commit. */
  public FileView store(
      Account caller, long competitionId, String name, String description, ReceivedFile received) {
    competitions.organized(caller, competitionId);
    String stored = FileNames.name(name);
    requireFree(competitionId, stored);
    CompetitionFile file =
        new CompetitionFile(
            competitionId,
            stored,
            FileNames.description(description),
            received.staged().bytes(),
            received.sha256(),
            caller.getUsername());
    entityManager.persist(file);
    // The id now, on every provider (EclipseLink assigns identity ids only when it writes).
    entityManager.flush();
    uploads.replace(received.staged(), dataStore.competitionFile(competitionId, file.getId()));
    return FileView.of(file);
  }

  /**
   * Deletes a file's row and answers where its bytes are, for the caller to delete once this is
   * committed (a crash between leaves bytes no row points to, never a row without bytes).
   */
  public Path delete(Account caller, long competitionId, long fileId) {
    competitions.organized(caller, competitionId);
    entityManager.remove(file(competitionId, fileId));
    return dataStore.competitionFile(competitionId, fileId);
  }

  /** Opens the files to everyone who sees the competition, or keeps them to participants. */
  public FileAccess open(Account caller, long competitionId, boolean everyone) {
    competitions.organized(caller, competitionId).setFilesPublic(everyone);
    return new FileAccess(true, true, everyone, null);
  }

  private CompetitionFile file(long competitionId, long fileId) {
    CompetitionFile file = entityManager.find(CompetitionFile.class, fileId);
    if (file == null || file.getCompetitionId() != competitionId) {
      throw Problem.notFound("file " + fileId);
    }
    return file;
  }

  private void requireFree(long competitionId, String name) {
    boolean taken =
        !entityManager
            .createQuery(
                "select f.id from CompetitionFile f where f.competitionId = :competition"
                    + " and f.name = :name",
                Long.class)
            .setParameter("competition", competitionId)
            .setParameter("name", name)
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw Problem.conflict(
          "name",
          "A file named \""
              + name
              + "\" is already on the Files tab: delete it first, or give"
              + " this one another name.",
          "A file named \""
              + name
              + "\" is already on the Files tab: delete it first, or give"
              + " this one another name.");
    }
  }
}
