package org.podium.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What a participant tells about a submission: the seed's metadata fields. */
@Embeddable
public class SubmissionMetadata {

  @Column(name = "description")
  private String description;

  @Column(name = "method_name")
  private String methodName;

  @Column(name = "method_description")
  private String methodDescription;

  @Column(name = "project_url")
  private String projectUrl;

  @Column(name = "publication_url")
  private String publicationUrl;

  @Column(name = "bibtex")
  private String bibtex;

  @Column(name = "team_name")
  private String teamName;

  @Column(name = "organization")
  private String organization;

  protected SubmissionMetadata() {}

  public SubmissionMetadata(
      String description,
      String methodName,
      String methodDescription,
      String projectUrl,
      String publicationUrl,
      String bibtex,
      String teamName,
      String organization) {
    this.description = description;
    this.methodName = methodName;
    this.methodDescription = methodDescription;
    this.projectUrl = projectUrl;
    this.publicationUrl = publicationUrl;
    this.bibtex = bibtex;
    this.teamName = teamName;
    this.organization = organization;
  }

  SubmissionMetadata copy() {
    return new SubmissionMetadata(
        description,
        methodName,
        methodDescription,
        projectUrl,
        publicationUrl,
        bibtex,
        teamName,
        organization);
  }

  public String getDescription() {
    return description;
  }

  public String getMethodName() {
    return methodName;
  }

  public String getMethodDescription() {
    return methodDescription;
  }

  public String getProjectUrl() {
    return projectUrl;
  }

  public String getPublicationUrl() {
    return publicationUrl;
  }

  public String getBibtex() {
    return bibtex;
  }

  public String getTeamName() {
    return teamName;
  }

  public String getOrganization() {
    return organization;
  }
}
