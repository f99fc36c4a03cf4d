package org.podium.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Podium's REST API lives under {@code /api}. */
@ApplicationPath("api")
public class PodiumApi extends Application {}
