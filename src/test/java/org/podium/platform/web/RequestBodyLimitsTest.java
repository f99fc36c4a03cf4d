package org.podium.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.podium.files.Bytes.MIB;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.podium.platform.PodiumConfig;

class RequestBodyLimitsTest {

  private final RequestBodyLimits limits = new RequestBodyLimits();

  {
    limits.config = new PodiumConfig();
  }

  @AfterEach
  void clear() {
    System.clearProperty("podium.upload.max.mb");
    System.clearProperty("podium.image.archive.max.mb");
  }

  @Test
  void phaseDataMayBeAsLargeAsTheUploadLimit() {
    System.setProperty("podium.upload.max.mb", "3");

    RequestBodyLimits.BodyLimit limit =
        limits.limitFor("PUT", "/api/competitions/4/phases/9/reference-data", "application/zip");

    assertEquals(3 * MIB, limit.bytes());
    assertEquals("PODIUM_UPLOAD_MAX_MB", limit.refusal().members().get("setting"));
    assertEquals(
        "The zip is larger than 3 MiB, the most Podium accepts: make it smaller, or ask the"
            + " operator to raise PODIUM_UPLOAD_MAX_MB.",
        limit.refusal().fieldErrors().get("file"));
  }

  @Test
  void aSubmissionFormMayCarryTheLargerFileLimitPlusItsFields() {
    System.setProperty("podium.upload.max.mb", "3");
    System.setProperty("podium.image.archive.max.mb", "5");

    for (String path : new String[] {"/api/competitions/4/submissions", "/competition.xhtml"}) {
      RequestBodyLimits.BodyLimit limit =
          limits.limitFor("POST", path, "multipart/form-data; boundary=x");

      assertEquals(5 * MIB + RequestBodyLimits.FORM_FIELD_BYTES, limit.bytes(), path);
      assertEquals(5 * MIB, limit.refusal().members().get("limitBytes"), path);
      assertEquals("PODIUM_IMAGE_ARCHIVE_MAX_MB", limit.refusal().members().get("setting"), path);
    }
  }

  @Test
  void aSubmissionsFileAsTheWholeBodyMayBeAsLargeAsItsOwnLimit() {
    System.setProperty("podium.upload.max.mb", "3");
    System.setProperty("podium.image.archive.max.mb", "5");
    String path = "/api/competitions/4/submissions";

    for (String archive :
        new String[] {"application/x-tar", "application/gzip", "application/x-gzip"}) {
      RequestBodyLimits.BodyLimit limit = limits.limitFor("POST", path, archive);
      assertEquals(5 * MIB, limit.bytes(), archive);
      assertEquals("PODIUM_IMAGE_ARCHIVE_MAX_MB", limit.refusal().members().get("setting"));
    }
    RequestBodyLimits.BodyLimit zip = limits.limitFor("POST", path, "application/zip");
    assertEquals(3 * MIB, zip.bytes());
    assertEquals("PODIUM_UPLOAD_MAX_MB", zip.refusal().members().get("setting"));
  }

  @Test
  void aFileOfTheFilesTabMayBeAsLargeAsTheUploadLimitAsTheWholeBodyOrAForm() {
    System.setProperty("podium.upload.max.mb", "3");
    String path = "/api/competitions/4/files";

    RequestBodyLimits.BodyLimit whole = limits.limitFor("POST", path, "application/octet-stream");
    assertEquals(3 * MIB, whole.bytes());
    assertEquals(
        "The file is larger than 3 MiB, the most Podium accepts: make it smaller, or ask the"
            + " operator to raise PODIUM_UPLOAD_MAX_MB.",
        whole.refusal().fieldErrors().get("file"));
    RequestBodyLimits.BodyLimit form =
        limits.limitFor("POST", path, "multipart/form-data; boundary=x");
    assertEquals(3 * MIB + RequestBodyLimits.FORM_FIELD_BYTES, form.bytes());
    assertEquals(3 * MIB, form.refusal().members().get("limitBytes"));
    assertEquals(
        RequestBodyLimits.OTHER_BODY_BYTES,
        limits.limitFor("PUT", path + "/access", "application/json").bytes(),
        "anything else of the tab is a plain body");
  }

  @Test
  void theOrganizersDataFormMayCarryTwoZips() {
    System.setProperty("podium.upload.max.mb", "3");

    RequestBodyLimits.BodyLimit limit =
        limits.limitFor("POST", "/edit-competition.xhtml", "multipart/form-data; boundary=x");

    assertEquals(6 * MIB + RequestBodyLimits.FORM_FIELD_BYTES, limit.bytes());
    assertEquals(3 * MIB, limit.refusal().members().get("limitBytes"));
  }

  @Test
  void everyOtherBodyIsTenMebibytesWithNoSettingToRaiseIt() {
    System.setProperty("podium.upload.max.mb", "3000");

    for (String[] request :
        new String[][] {
          {"POST", "/api/competitions", "application/json"},
          {"POST", "/api/competitions/4/submissions", "application/json"},
          {"PUT", "/api/competitions/4/phases/9/input-data/x", "application/zip"},
          {"POST", "/competition.xhtml", "application/x-www-form-urlencoded"},
          {"GET", "/api/competitions/4/phases/9/input-data", null}
        }) {
      RequestBodyLimits.BodyLimit limit = limits.limitFor(request[0], request[1], request[2]);

      assertEquals(10 * MIB, limit.bytes(), String.join(" ", request));
      assertNull(limit.refusal().members().get("setting"));
      assertEquals(
          "The request body is larger than 10 MiB, the most Podium accepts here: make it smaller.",
          limit.refusal().fieldErrors().get("body"));
    }
  }
}
