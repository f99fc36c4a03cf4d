package org.podium.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forms post to their page's address with the page's view parameters ({@code
 * edit-competition.xhtml?id=3}): Faces' own action address has none, so after a refused post (a
 * message next to a field, the same view shown again) the browser's address had lost {@code ?id=},
 * and reloading it showed a blank "New competition" or "does not exist". Registered in
 * faces-config.xml.
 */
public class ViewParameterActions extends ViewHandlerWrapper {

  public ViewParameterActions(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    String action = super.getActionURL(context, viewId);
    UIViewRoot root = context.getViewRoot();
    if (root == null || !viewId.equals(root.getViewId())) {
      return action;
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (UIViewParameter parameter : ViewMetadata.getViewParameters(root)) {
      String value = parameter.getStringValue(context);
      if (value != null && !value.isEmpty()) {
        parameters.put(parameter.getName(), List.of(value));
      }
    }
    return parameters.isEmpty()
        ? action
        : context.getExternalContext().encodeBookmarkableURL(action, parameters);
  }
}
