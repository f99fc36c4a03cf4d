package org.podium.competition;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.podium.account.Caller;
import org.podium.account.Role;
import org.podium.competition.CompetitionRequests.CompetitionRequest;
import org.podium.competition.CompetitionRequests.PhaseRequest;
import org.podium.competition.CompetitionRequests.ScoringRequest;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.competition.CompetitionViews.PhaseView;
import org.podium.platform.problem.Problem;
import org.podium.platform.web.PageMessages;

/**
 * Backs the organizer's page: the competition's fields (with "Allow participant docker
 * submission"), its phases with every field (new or edited), phase data uploads, participants to
 * approve. Every change goes through {@link Competitions}, so the rules are the API's; a refusal
 * shows next to the field it names.
 */
@Named
@ViewScoped
public class CompetitionEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The service's field names and the inputs that show their errors. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("title", "competition:title"),
          Map.entry("organizers", "competition:organizers"),
          Map.entry("name", "phase:name"),
          Map.entry("opensAt", "phase:opens"),
          Map.entry("closesAt", "phase:closes"),
          Map.entry("executionTimeLimitSeconds", "phase:timeLimit"),
          Map.entry("maxSubmissions", "phase:maxTotal"),
          Map.entry("maxSubmissionsPerDay", "phase:maxPerDay"),
          Map.entry("memoryMb", "phase:memory"),
          Map.entry("cpus", "phase:cpus"),
          Map.entry("gpus", "phase:gpus"),
          Map.entry("finalSubmissions", "phase:finalSubmissions"),
          Map.entry("scoring", "phase:scoringKind"),
          Map.entry("scoring.metric", "phase:metric"),
          Map.entry("scoring.image", "phase:scoringImage"),
          Map.entry("scoring.layout", "phase:layout"),
          Map.entry("predictionsFile", "phase:predictionsFile"),
          Map.entry("truthFile", "phase:truthFile"),
          Map.entry("columns", "phase:columns"),
          Map.entry("columns.key", "phase:columns"),
          Map.entry("columns.decimals", "phase:columns"),
          Map.entry("columns.label", "phase:columns"),
          Map.entry("description", "competition:description"),
          Map.entry("scoring.command", "phase:scoringCommand"),
          Map.entry("dataPhaseId", "data:phase"));

  @Inject Competitions competitions;

  @Inject PhaseDataUploads dataUploads;

  @Inject Caller caller;

  private Long id;
  private String title;
  private String description;
  // the competition's terms, from WEB-INF/competition-terms.xhtml (issue 15)
  private String terms;
  private boolean published;
  private boolean dockerSubmission;
  private boolean participantsSeeLogs;
  private boolean participantsSeeScoringOutput;
  private boolean scoringProgramsPublic;
  private String organizers;
  private Participation participation = Participation.AUTO;
  private boolean loaded;
  private boolean previewing;
  // as saved, for the heading and the Participants table (the fields above may hold a refused edit)
  private String savedTitle;
  private boolean savedWithTerms;

  private Long phaseId;
  private String phaseName;
  private String opensAt;
  private String closesAt;
  private Integer timeLimitSeconds = PhaseSettings.DEFAULTS.executionTimeLimitSeconds();
  private Integer maxSubmissions;
  private Integer maxPerDay;
  private Integer memoryMb = PhaseSettings.DEFAULTS.memoryMb();
  private BigDecimal cpus = PhaseSettings.DEFAULTS.cpus();
  private Integer gpus = PhaseSettings.DEFAULTS.gpus();
  private String scoringKind = "metric";
  private String metric = "mae";
  private String scoringImage;
  private String scoringCommand;
  private String scoringLayout = ScoringLayout.CODALAB.apiName();
  private String predictionsFile = "predictions.csv";
  private String truthFile = "truth.csv";
  private String columns;
  private boolean privateLeaderboard;
  private Integer finalSubmissions = PhaseSettings.DEFAULT_FINAL_SUBMISSIONS;

  private Long dataPhaseId;
  private transient Part inputData;
  private transient Part referenceData;
  private transient Part privateReferenceData;

  /**
   * Reads the competition once per view, when the page has an id; a person who may not edit it (or
   * create one) gets the sign-in page or a plain refusal ({@code PageRefusals}), not the form.
   */
  public void load() {
    if (loaded) {
      return;
    }
    if (id == null) {
      if (!caller.require().hasRole(Role.ORGANIZER) && !caller.require().hasRole(Role.ADMIN)) {
        throw Problem.forbidden(Competitions.NOT_ORGANIZER_ROLE);
      }
      return;
    }
    CompetitionView view = competitions.forOrganizer(caller.require(), id);
    title = view.title();
    description = view.description();
    terms = view.terms();
    published = view.published();
    dockerSubmission = view.enableDockerSubmission();
    participantsSeeLogs = view.participantsSeeLogs();
    participantsSeeScoringOutput = view.participantsSeeScoringOutput();
    scoringProgramsPublic = view.scoringProgramsPublic();
    organizers = String.join(", ", view.organizers());
    participation = view.participation();
    savedTitle = view.title();
    savedWithTerms = view.hasTerms();
    loaded = true;
  }

  public String save() {
    CompetitionRequest request =
        new CompetitionRequest(
            title,
            description,
            published,
            dockerSubmission,
            participation,
            participantsSeeLogs,
            id == null ? null : usernames(organizers),
            participantsSeeScoringOutput,
            scoringProgramsPublic,
            terms);
    try {
      CompetitionView saved =
          id == null
              ? competitions.create(caller.require(), request)
              : competitions.update(caller.require(), id, request);
      int gaps = PublishChecklist.gaps(saved, Instant.now()).size();
      PageMessages.info(
          saved.published() && gaps > 0
              ? "Saved. Published with "
                  + gaps
                  + (gaps == 1 ? " thing" : " things")
                  + " still missing: see the list by Published."
              : "Saved.");
      return "/edit-competition?faces-redirect=true&id=" + saved.id();
    } catch (Problem problem) {
      PageMessages.problem(problem, FIELDS);
      return null;
    }
  }

  /** Fills the phase form with a phase's fields, to change them. */
  public void editPhase(long phase) {
    PhaseView view = getPhases().stream().filter(p -> p.id() == phase).findFirst().orElseThrow();
    phaseId = view.id();
    phaseName = view.name();
    opensAt = PhaseTimes.format(view.opensAt());
    closesAt = PhaseTimes.format(view.closesAt());
    timeLimitSeconds = view.executionTimeLimitSeconds();
    maxSubmissions = view.maxSubmissions();
    maxPerDay = view.maxSubmissionsPerDay();
    memoryMb = view.memoryMb();
    cpus = view.cpus();
    gpus = view.gpus();
    scoringKind = view.metric() != null ? "metric" : "container";
    metric = view.metric() != null ? view.metric() : "mae";
    scoringImage = view.scoringImage();
    scoringCommand = view.scoringCommand();
    scoringLayout = view.scoringLayout();
    predictionsFile = view.predictionsFile();
    truthFile = view.truthFile();
    columns = ColumnLines.format(view.columns());
    privateLeaderboard = view.privateLeaderboard();
    finalSubmissions = view.finalSubmissions();
  }

  /** Adds the phase on the form, or saves the one being edited. */
  public String savePhase() {
    try {
      PhaseRequest request =
          new PhaseRequest(
              phaseName,
              PhaseTimes.parse("opensAt", opensAt),
              PhaseTimes.parse("closesAt", closesAt),
              timeLimitSeconds,
              maxSubmissions,
              maxPerDay,
              memoryMb,
              cpus,
              gpus,
              "metric".equals(scoringKind)
                  ? new ScoringRequest(metric, null, null, null)
                  : new ScoringRequest(null, scoringImage, scoringCommand, scoringLayout),
              ColumnLines.parse(columns),
              predictionsFile,
              truthFile,
              privateLeaderboard,
              finalSubmissions);
      if (phaseId == null) {
        competitions.addPhase(caller.require(), id, request);
        PageMessages.info("Phase '" + phaseName + "' added.");
      } else {
        competitions.updatePhase(caller.require(), id, phaseId, request);
        PageMessages.info("Phase '" + phaseName + "' saved.");
      }
      return "/edit-competition?faces-redirect=true&id=" + id;
    } catch (Problem problem) {
      PageMessages.problem(problem, FIELDS);
      return null;
    }
  }

  public String uploadData() throws IOException {
    if (dataPhaseId == null) {
      PageMessages.problem(
          Problem.invalidField("dataPhaseId", "Choose the phase the data is for."), FIELDS);
      return null;
    }
    if (!chosen(inputData) && !chosen(referenceData) && !chosen(privateReferenceData)) {
      PageMessages.error(
          "data:input", "Choose an input data zip, a reference data zip, or a private one.");
      return null;
    }
    List<String> done = new java.util.ArrayList<>();
    try {
      if (chosen(inputData)) {
        upload(inputData, PhaseData.INPUT);
        done.add("input data");
      }
      if (chosen(referenceData)) {
        upload(referenceData, PhaseData.REFERENCE);
        done.add("reference data");
      }
      if (chosen(privateReferenceData)) {
        upload(privateReferenceData, PhaseData.PRIVATE_REFERENCE);
      }
    } catch (Problem problem) {
      if (!done.isEmpty()) {
        PageMessages.error(
            null, "Uploaded: " + String.join(", ", done) + "; the rest was not uploaded.");
      }
      return null;
    }
    PageMessages.info("Data uploaded.");
    return "/edit-competition?faces-redirect=true&id=" + id;
  }

  private static boolean chosen(Part part) {
    return part != null && part.getSize() > 0;
  }

  /** One zip; a refusal is shown next to its own file field. */
  private void upload(Part part, PhaseData kind) throws IOException {
    try (InputStream zip = part.getInputStream()) {
      dataUploads.upload(caller.require(), id, dataPhaseId, kind, zip);
    } catch (Problem problem) {
      PageMessages.problem(
          problem,
          Map.of(
              "file",
              switch (kind) {
                case INPUT -> "data:input";
                case REFERENCE -> "data:reference";
                case PRIVATE_REFERENCE -> "data:privateReference";
              }));
      throw problem;
    }
  }

  /** Reveals ({@code reveal}) or hides again a phase's private leaderboard. */
  public String revealPrivate(long phase, boolean reveal) {
    try {
      competitions.revealPrivate(caller.require(), id, phase, reveal);
      PageMessages.info(
          reveal ? "The private leaderboard is revealed." : "The private leaderboard is hidden.");
      return "/edit-competition?faces-redirect=true&id=" + id;
    } catch (Problem problem) {
      PageMessages.problem(problem, FIELDS);
      return null;
    }
  }

  public boolean isPrivateLeaderboard() {
    return privateLeaderboard;
  }

  public void setPrivateLeaderboard(boolean privateLeaderboard) {
    this.privateLeaderboard = privateLeaderboard;
  }

  public Integer getFinalSubmissions() {
    return finalSubmissions;
  }

  public void setFinalSubmissions(Integer finalSubmissions) {
    this.finalSubmissions = finalSubmissions;
  }

  public Part getPrivateReferenceData() {
    return privateReferenceData;
  }

  public void setPrivateReferenceData(Part privateReferenceData) {
    this.privateReferenceData = privateReferenceData;
  }

  public String decide(String username, String status) {
    try {
      competitions.decide(caller.require(), id, username, ParticipantStatus.valueOf(status));
      return "/edit-competition?faces-redirect=true&includeViewParams=true";
    } catch (Problem problem) {
      PageMessages.problem(problem, FIELDS);
      return null;
    }
  }

  public List<PhaseView> getPhases() {
    return id == null ? List.of() : competitions.forOrganizer(caller.require(), id).phases();
  }

  /** What participants would run into if the competition were published now (none: empty). */
  public List<String> getPublishGaps() {
    return id == null
        ? List.of()
        : PublishChecklist.gaps(competitions.forOrganizer(caller.require(), id), Instant.now());
  }

  /** Shows the description as participants will see it, the form kept as typed. */
  public void preview() {
    previewing = true;
  }

  public boolean isPreviewing() {
    return previewing;
  }

  /**
   * Without JavaScript: shows the fields of the scoring kind just chosen (the form kept as typed).
   */
  public void switchKind() {
    // The chosen kind is already in scoringKind: drawing the page again shows its fields.
  }

  public Participation[] getParticipations() {
    return Participation.values();
  }

  private static List<String> usernames(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("[,\\s]+")).filter(name -> !name.isBlank()).toList();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** The page's heading (and tab title): "New competition", or "Edit “title”" as saved. */
  public String getHeading() {
    return id == null ? "New competition" : "Edit “" + savedTitle + "”";
  }

  /** Whether the competition, as saved, asks those who join to accept terms. */
  public boolean isSavedWithTerms() {
    return savedWithTerms;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }

  public boolean isDockerSubmission() {
    return dockerSubmission;
  }

  public void setDockerSubmission(boolean dockerSubmission) {
    this.dockerSubmission = dockerSubmission;
  }

  public boolean isParticipantsSeeLogs() {
    return participantsSeeLogs;
  }

  public void setParticipantsSeeLogs(boolean participantsSeeLogs) {
    this.participantsSeeLogs = participantsSeeLogs;
  }

  public boolean isParticipantsSeeScoringOutput() {
    return participantsSeeScoringOutput;
  }

  public void setParticipantsSeeScoringOutput(boolean participantsSeeScoringOutput) {
    this.participantsSeeScoringOutput = participantsSeeScoringOutput;
  }

  public boolean isScoringProgramsPublic() {
    return scoringProgramsPublic;
  }

  public void setScoringProgramsPublic(boolean scoringProgramsPublic) {
    this.scoringProgramsPublic = scoringProgramsPublic;
  }

  public String getOrganizers() {
    return organizers;
  }

  public void setOrganizers(String organizers) {
    this.organizers = organizers;
  }

  public Participation getParticipation() {
    return participation;
  }

  public void setParticipation(Participation participation) {
    this.participation = participation;
  }

  public Long getPhaseId() {
    return phaseId;
  }

  public void setPhaseId(Long phaseId) {
    this.phaseId = phaseId;
  }

  public String getPhaseName() {
    return phaseName;
  }

  public void setPhaseName(String phaseName) {
    this.phaseName = phaseName;
  }

  public String getOpensAt() {
    return opensAt;
  }

  public void setOpensAt(String opensAt) {
    this.opensAt = opensAt;
  }

  public String getClosesAt() {
    return closesAt;
  }

  public void setClosesAt(String closesAt) {
    this.closesAt = closesAt;
  }

  public Integer getTimeLimitSeconds() {
    return timeLimitSeconds;
  }

  public void setTimeLimitSeconds(Integer timeLimitSeconds) {
    this.timeLimitSeconds = timeLimitSeconds;
  }

  public Integer getMaxSubmissions() {
    return maxSubmissions;
  }

  public void setMaxSubmissions(Integer maxSubmissions) {
    this.maxSubmissions = maxSubmissions;
  }

  public Integer getMaxPerDay() {
    return maxPerDay;
  }

  public void setMaxPerDay(Integer maxPerDay) {
    this.maxPerDay = maxPerDay;
  }

  public Integer getMemoryMb() {
    return memoryMb;
  }

  public void setMemoryMb(Integer memoryMb) {
    this.memoryMb = memoryMb;
  }

  public BigDecimal getCpus() {
    return cpus;
  }

  public void setCpus(BigDecimal cpus) {
    this.cpus = cpus;
  }

  public Integer getGpus() {
    return gpus;
  }

  public void setGpus(Integer gpus) {
    this.gpus = gpus;
  }

  public String getScoringKind() {
    return scoringKind;
  }

  public void setScoringKind(String scoringKind) {
    this.scoringKind = scoringKind;
  }

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public String getScoringImage() {
    return scoringImage;
  }

  public void setScoringImage(String scoringImage) {
    this.scoringImage = scoringImage;
  }

  public String getScoringCommand() {
    return scoringCommand;
  }

  public void setScoringCommand(String scoringCommand) {
    this.scoringCommand = scoringCommand;
  }

  public String getScoringLayout() {
    return scoringLayout;
  }

  public void setScoringLayout(String scoringLayout) {
    this.scoringLayout = scoringLayout;
  }

  public String getPredictionsFile() {
    return predictionsFile;
  }

  public void setPredictionsFile(String predictionsFile) {
    this.predictionsFile = predictionsFile;
  }

  public String getTruthFile() {
    return truthFile;
  }

  public void setTruthFile(String truthFile) {
    this.truthFile = truthFile;
  }

  public String getColumns() {
    return columns;
  }

  public void setColumns(String columns) {
    this.columns = columns;
  }

  public Long getDataPhaseId() {
    return dataPhaseId;
  }

  public void setDataPhaseId(Long dataPhaseId) {
    this.dataPhaseId = dataPhaseId;
  }

  public Part getInputData() {
    return inputData;
  }

  public void setInputData(Part inputData) {
    this.inputData = inputData;
  }

  public Part getReferenceData() {
    return referenceData;
  }

  public void setReferenceData(Part referenceData) {
    this.referenceData = referenceData;
  }

  public String getTerms() {
    return terms;
  }

  public void setTerms(String terms) {
    this.terms = terms;
  }
}
