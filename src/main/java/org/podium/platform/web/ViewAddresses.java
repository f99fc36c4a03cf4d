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
 * Forms post to their page's full address, view parameters included ({@code
 * competition.xhtml?id=3&tab=participate}): a refused post answers at that address, so reloading it
 * shows the same competition (issue 15), not "does not exist".
 */
public class ViewAddresses extends ViewHandlerWrapper {

  public ViewAddresses(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    String url = super.getActionURL(context, viewId);
    UIViewRoot root = context.getViewRoot();
    if (root == null || !viewId.equals(root.getViewId()) || url.contains("?")) {
      return url;
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (UIViewParameter parameter : ViewMetadata.getViewParameters(root)) {
      String value = parameter.getStringValue(context);
      if (value != null && !value.isBlank()) {
        parameters.put(parameter.getName(), List.of(value));
      }
    }
    return parameters.isEmpty()
        ? url
        : context.getExternalContext().encodeBookmarkableURL(url, parameters);
  }
}
