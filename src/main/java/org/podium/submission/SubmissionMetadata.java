package org.podium.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.podium.platform.problem.Problem;

/**
 * What a participant tells about a submission: the CodaLab seed's eight metadata fields, checked
 * (blank is absent, text is stripped, each has a length limit). Every boundary builds it with
 * {@link #of} from its own fields by {@link Field}'s names, so a field is named and limited once.
 */
@Embeddable
public class SubmissionMetadata {

  /**
   * The fields: the name the API and pages use, the seed's query name, the page label, the limit.
   */
  public enum Field {
    TEAM_NAME("teamName", "team_name", "Team", 200),
    ORGANIZATION("organization", "organization_or_affiliation", "Organization", 200),
    METHOD_NAME("methodName", "method_name", "Method", 200),
    METHOD_DESCRIPTION("methodDescription", "method_description", "Method description", 10_000),
    DESCRIPTION("description", "description", "Description", 10_000),
    PROJECT_URL("projectUrl", "project_url", "Project URL", 2000),
    PUBLICATION_URL("publicationUrl", "publication_url", "Publication URL", 2000),
    BIBTEX("bibtex", "bibtex", "BibTeX", 20_000);

    private final String apiName;
    private final String seedName;
    private final String label;
    private final int maxLength;

    Field(String apiName, String seedName, String label, int maxLength) {
      this.apiName = apiName;
      this.seedName = seedName;
      this.label = label;
      this.maxLength = maxLength;
    }

    /** Its name in JSON, forms, query strings and problem documents. */
    public String apiName() {
      return apiName;
    }

    /** Its name in the CodaLab seed's {@code POST /api/competition/{id}/submission} query. */
    public String seedName() {
      return seedName;
    }

    /** Its label inside a sentence: "team name", "project URL", "BibTeX entry". */
    String inASentence() {
      return switch (this) {
        case TEAM_NAME -> "team name";
        case BIBTEX -> "BibTeX entry";
        default -> Character.toLowerCase(label.charAt(0)) + label.substring(1);
      };
    }

    String checked(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      if (value.length() > maxLength) {
        throw Problem.invalidField(
            apiName,
            "The "
                + inASentence()
                + " is longer than "
                + String.format(java.util.Locale.ROOT, "%,d", maxLength)
                + " characters: shorten it.");
      }
      return value.strip();
    }
  }

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

  /** The metadata whose fields {@code value} gives (null or blank: absent); checked. */
  public static SubmissionMetadata of(Function<Field, String> value) {
    SubmissionMetadata metadata = new SubmissionMetadata();
    metadata.description = Field.DESCRIPTION.checked(value.apply(Field.DESCRIPTION));
    metadata.methodName = Field.METHOD_NAME.checked(value.apply(Field.METHOD_NAME));
    metadata.methodDescription =
        Field.METHOD_DESCRIPTION.checked(value.apply(Field.METHOD_DESCRIPTION));
    metadata.projectUrl = Field.PROJECT_URL.checked(value.apply(Field.PROJECT_URL));
    metadata.publicationUrl = Field.PUBLICATION_URL.checked(value.apply(Field.PUBLICATION_URL));
    metadata.bibtex = Field.BIBTEX.checked(value.apply(Field.BIBTEX));
    metadata.teamName = Field.TEAM_NAME.checked(value.apply(Field.TEAM_NAME));
    metadata.organization = Field.ORGANIZATION.checked(value.apply(Field.ORGANIZATION));
    return metadata;
  }

  /** The field's value, or null. */
  public String get(Field field) {
    return switch (field) {
      case DESCRIPTION -> description;
      case METHOD_NAME -> methodName;
      case METHOD_DESCRIPTION -> methodDescription;
      case PROJECT_URL -> projectUrl;
      case PUBLICATION_URL -> publicationUrl;
      case BIBTEX -> bibtex;
      case TEAM_NAME -> teamName;
      case ORGANIZATION -> organization;
    };
  }

  /** The fields given, by their label on pages, in {@link Field}'s order. */
  public Map<String, String> labelled() {
    Map<String, String> given = new LinkedHashMap<>();
    for (Field field : Field.values()) {
      if (get(field) != null) {
        given.put(field.label, get(field));
      }
    }
    return given;
  }

  SubmissionMetadata copy() {
    return of(this::get);
  }

  public String getTeamName() {
    return teamName;
  }

  public String getMethodName() {
    return methodName;
  }
}
