package org.podium.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import java.io.IOException;
import java.io.Writer;

/**
 * Puts the response's Content-Security-Policy nonce ({@link SecurityHeaders}) on every script
 * element Faces writes, such as the one that opens an {@code <f:websocket>}, so the policy can
 * refuse every other inline script. Registered in faces-config.xml.
 */
public class NonceRenderKitFactory extends RenderKitFactory {

  public NonceRenderKitFactory(RenderKitFactory wrapped) {
    super(wrapped);
  }

  @Override
  public void addRenderKit(String renderKitId, RenderKit renderKit) {
    getWrapped().addRenderKit(renderKitId, renderKit);
  }

  @Override
  public java.util.Iterator<String> getRenderKitIds() {
    return getWrapped().getRenderKitIds();
  }

  @Override
  public RenderKit getRenderKit(FacesContext context, String renderKitId) {
    RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
    return kit == null ? null : new NonceRenderKit(kit);
  }

  static final class NonceRenderKit extends RenderKitWrapper {

    NonceRenderKit(RenderKit wrapped) {
      super(wrapped);
    }

    @Override
    public ResponseWriter createResponseWriter(
        Writer writer, String contentTypeList, String characterEncoding) {
      return new NonceWriter(
          getWrapped().createResponseWriter(writer, contentTypeList, characterEncoding));
    }
  }

  static final class NonceWriter extends ResponseWriterWrapper {

    NonceWriter(ResponseWriter wrapped) {
      super(wrapped);
    }

    @Override
    public void startElement(String name, jakarta.faces.component.UIComponent component)
        throws IOException {
      super.startElement(name, component);
      if ("script".equalsIgnoreCase(name)) {
        Object nonce =
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestMap()
                .get(SecurityHeaders.NONCE);
        if (nonce != null) {
          super.writeAttribute("nonce", nonce, null);
        }
      }
    }

    @Override
    public ResponseWriter cloneWithWriter(Writer writer) {
      return new NonceWriter(getWrapped().cloneWithWriter(writer));
    }
  }
}
