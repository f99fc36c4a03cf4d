package org.podium.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import org.podium.platform.problem.Problem;

/**
 * Messages on Faces pages: a service's {@link Problem} becomes a message next to the field it names
 * (or at the top of the page), a success message survives the redirect that follows it.
 */
public final class PageMessages {

  private PageMessages() {}

  /** A message at the top of the page after the redirect that follows a successful action. */
  public static void info(String message) {
    FacesContext context = FacesContext.getCurrentInstance();
    context.getExternalContext().getFlash().setKeepMessages(true);
    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  /** An error next to the component with this client id, or at the top when it is null. */
  public static void error(String clientId, String message) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  /**
   * Shows a service's refusal: each field error next to its input ({@code fields} maps the
   * service's field names to client ids), the rest at the top of the page.
   */
  public static void problem(Problem problem, Map<String, String> fields) {
    if (problem.fieldErrors().isEmpty()) {
      error(null, problem.getMessage());
    }
    problem
        .fieldErrors()
        .forEach(
            (field, message) -> {
              String clientId = fields.get(field);
              // every field's message is a sentence that names what it is about
              error(clientId, message);
            });
  }
}
