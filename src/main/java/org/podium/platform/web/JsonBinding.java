package org.podium.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B instance every response and request body of the API goes through (Jakarta REST
 * 3.1, section 4.2.4: an application's {@code ContextResolver<Jsonb>} is used by the server's
 * JSON-B provider). Without it RESTEasy made a new {@code Jsonb} for every response it wrote — a
 * service lookup over the class path and Yasson's model of every class in the body, rebuilt each
 * time: a third of the server's time on {@code GET /api/competitions/{id}} (measured with JFR,
 * issue 14). A {@code Jsonb} is thread-safe and caches its class models, so one serves every
 * request.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

  /** Made at first use, kept for the application's life. */
  private static final class Holder {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  static Jsonb jsonb() {
    return Holder.JSONB;
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return Holder.JSONB;
  }
}
