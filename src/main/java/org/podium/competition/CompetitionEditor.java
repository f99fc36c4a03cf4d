package org.podium.competition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.podium.account.Caller;
import org.podium.competition.CompetitionRequests.CompetitionRequest;
import org.podium.competition.CompetitionRequests.PhaseRequest;
import org.podium.competition.CompetitionRequests.ScoringRequest;
import org.podium.competition.CompetitionViews.CompetitionView;
import org.podium.competition.CompetitionViews.ParticipantView;
import org.podium.platform.Problem;

/**
 * Backs the organizer's page: the competition's fields (with "Allow participant docker
 * submission"), a new phase with a built-in metric, phase data uploads, participants to approve.
 * Every change goes through {@link Competitions}, so the rules are the API's.
 */
@Named
@ViewScoped
public class CompetitionEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Competitions competitions;

  @Inject Caller caller;

  private Long id;
  private String title;
  private String description;
  private boolean published;
  private boolean dockerSubmission;
  private Participation participation = Participation.AUTO;
  private boolean loaded;

  private String phaseName;
  private Integer timeLimitSeconds = 600;
  private Integer maxPerDay;
  private Integer memoryMb = 2048;
  private String metric = "mae";

  private Long dataPhaseId;
  private transient Part inputData;
  private transient Part referenceData;

  /** Reads the competition once per view, when the page has an id. */
  @Transactional
  public void load() {
    if (loaded || id == null) {
      return;
    }
    CompetitionView view = CompetitionView.of(competitions.organized(caller.require(), id));
    title = view.title();
    description = view.description();
    published = view.published();
    dockerSubmission = view.enableDockerSubmission();
    participation = view.participation();
    loaded = true;
  }

  public String save() {
    CompetitionRequest request =
        new CompetitionRequest(
            title, description, published, dockerSubmission, participation, null, null);
    try {
      Competition saved =
          id == null
              ? competitions.create(caller.require(), request)
              : competitions.update(caller.require(), id, request);
      info("Saved.");
      return "/edit-competition?faces-redirect=true&id=" + saved.getId();
    } catch (Problem problem) {
      return error(problem);
    }
  }

  public String addPhase() {
    try {
      competitions.addPhase(
          caller.require(),
          id,
          new PhaseRequest(
              phaseName,
              null,
              null,
              timeLimitSeconds,
              null,
              maxPerDay,
              memoryMb,
              BigDecimal.ONE,
              0,
              new ScoringRequest(metric, null, null, null),
              null,
              null,
              null));
      info("Phase '" + phaseName + "' added.");
      return "/edit-competition?faces-redirect=true&id=" + id;
    } catch (Problem problem) {
      return error(problem);
    }
  }

  public String uploadData() throws IOException {
    try {
      if (dataPhaseId == null) {
        throw Problem.invalidField("dataPhaseId", "choose a phase");
      }
      upload(inputData, false);
      upload(referenceData, true);
      info("Data uploaded.");
      return "/edit-competition?faces-redirect=true&id=" + id;
    } catch (Problem problem) {
      return error(problem);
    }
  }

  private void upload(Part part, boolean reference) throws IOException {
    if (part != null && part.getSize() > 0) {
      try (InputStream zip = part.getInputStream()) {
        competitions.uploadData(caller.require(), id, dataPhaseId, reference, zip);
      }
    }
  }

  public String decide(String username, String status) {
    try {
      competitions.decide(caller.require(), id, username, ParticipantStatus.valueOf(status));
      return "/edit-competition?faces-redirect=true&id=" + id;
    } catch (Problem problem) {
      return error(problem);
    }
  }

  @Transactional
  public List<CompetitionViews.PhaseView> getPhases() {
    return id == null
        ? List.of()
        : CompetitionView.of(competitions.organized(caller.require(), id)).phases();
  }

  @Transactional
  public List<ParticipantView> getParticipants() {
    return id == null
        ? List.of()
        : competitions.participants(caller.require(), id).stream()
            .map(ParticipantView::of)
            .toList();
  }

  public Participation[] getParticipations() {
    return Participation.values();
  }

  private static String error(Problem problem) {
    FacesContext context = FacesContext.getCurrentInstance();
    if (problem.fieldErrors().isEmpty()) {
      context.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, problem.getMessage(), null));
    }
    problem
        .fieldErrors()
        .forEach(
            (field, message) ->
                context.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, field + ": " + message, null)));
    return null;
  }

  private static void info(String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.getExternalContext().getFlash().setKeepMessages(true);
    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
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

  public Participation getParticipation() {
    return participation;
  }

  public void setParticipation(Participation participation) {
    this.participation = participation;
  }

  public String getPhaseName() {
    return phaseName;
  }

  public void setPhaseName(String phaseName) {
    this.phaseName = phaseName;
  }

  public Integer getTimeLimitSeconds() {
    return timeLimitSeconds;
  }

  public void setTimeLimitSeconds(Integer timeLimitSeconds) {
    this.timeLimitSeconds = timeLimitSeconds;
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

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
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
}
