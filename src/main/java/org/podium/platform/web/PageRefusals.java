package org.podium.platform.web;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.podium.platform.problem.Problem;

/**
 * A page a person may not open says so, on every page at once: a refusal ({@link Problem}) that a
 * page's bean lets through — from a view action such as {@code competitionEditor.load} or {@code
 * pageAccess.admin} — becomes a sign-in redirect for an anonymous visitor (back to this page
 * afterwards), a plain "you may not" page with HTTP 403 ({@code forbidden.xhtml}) for a signed-in
 * one, and the not-found page with 404 for a thing that is not there or not theirs to see, instead
 * of "Something went wrong". Registered in faces-config.xml.
 */
public class PageRefusals extends ExceptionHandlerFactory {

  /** The request attribute the forbidden and not-found pages read the refusal's message from. */
  public static final String MESSAGE = "org.podium.refusal";

  public PageRefusals(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      FacesContext context = FacesContext.getCurrentInstance();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Problem problem = refusalIn(events.next().getContext().getException());
        if (problem != null && !context.getExternalContext().isResponseCommitted()) {
          events.remove();
          answer(context, problem);
          break;
        }
      }
      getWrapped().handle();
    }
  }

  /** The refusal a page's exception carries (through Faces' and EL's wrappers), or null. */
  static Problem refusalIn(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof Problem.NotSignedIn
          || cause instanceof Problem.NotAllowed
          || cause instanceof Problem.NotFound) {
        return (Problem) cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static void answer(FacesContext context, Problem problem) {
    ExternalContext external = context.getExternalContext();
    try {
      if (problem instanceof Problem.NotSignedIn) {
        external.redirect(signInAddress((HttpServletRequest) external.getRequest()));
      } else {
        external.getRequestMap().put(MESSAGE, sentence(problem.getMessage()));
        // The container shows forbidden.xhtml or not-found.xhtml (web.xml's error pages).
        external.responseSendError(problem instanceof Problem.NotAllowed ? 403 : 404, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
  }

  /** A message as a sentence: "competition 3 does not exist…" begins upper case, ends in a stop. */
  static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return text.matches("(?s).*[.!?]$") ? text : text + ".";
  }

  /** The sign-in page, which brings the person back to this address once they are signed in. */
  static String signInAddress(HttpServletRequest request) {
    String here =
        request.getRequestURI().substring(request.getContextPath().length())
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return request.getContextPath()
        + "/signin.xhtml?next="
        + URLEncoder.encode(here, StandardCharsets.UTF_8);
  }
}
