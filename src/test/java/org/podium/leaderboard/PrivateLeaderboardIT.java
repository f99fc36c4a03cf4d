package org.podium.leaderboard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.podium.testing.ApiClient;
import org.podium.testing.Deployments;
import org.podium.testing.Zips;

/**
 * A phase with a private leaderboard, end to end over the API: every output is scored against the
 * public and the private reference data; participants read public scores only (views, lists, logs,
 * leaderboard) until the organizer reveals; participants mark at most K final submissions, fixed
 * once revealed; the revealed board ranks by the private rule. Results uploads scored by MAE, so no
 * Docker engine is needed.
 *
 * <p>Public truth 3, 4 and private truth 10.25, 10.25 rank in opposite orders. Participant A sends
 * three: A1 (3, 4: public 0, private 6.75), A2 (4, 5: public 1, private 5.75), A3 (10, 10: public
 * 6.5, private 0.25); B sends B1 (9, 9: public 5.5, private 1.25). Publicly A (0) leads B (5.5).
 * Privately, with K = 2 and no marks, A's candidates are A1 and A2 (their best two publicly): B
 * (1.25) leads A (5.75). Once A marks A3, A (0.25) leads again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivateLeaderboardIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.podium();
  }

  @ArquillianResource URL base;

  private record Setup(
      ApiClient admin,
      ApiClient a,
      ApiClient b,
      ApiClient anonymous,
      long competition,
      long phase,
      long a1,
      long a2,
      long a3,
      long b1) {

    String phasePath() {
      return "competitions/" + competition + "/phases/" + phase;
    }

    String board(String which) {
      return phasePath() + "/leaderboard" + (which == null ? "" : "?board=" + which);
    }
  }

  private Setup competition(String privateTruth) {
    ApiClient admin = ApiClient.admin(base);
    long competition =
        admin.createCompetition(
            Json.createObjectBuilder()
                .add("title", "Private leaderboard")
                .add("published", true)
                .add("participation", "AUTO")
                .build());
    long phase =
        admin.addPhase(
            competition,
            Json.createObjectBuilder()
                .add("name", "P")
                .add("scoring", Json.createObjectBuilder().add("metric", "mae"))
                .add("privateLeaderboard", true)
                .add("finalSubmissions", 2)
                .build());
    admin.uploadData(competition, phase, true, Map.of("truth.csv", "id,value\n1,3\n2,4\n"));
    ApiClient.Reply privateData =
        admin.put(
            "competitions/" + competition + "/phases/" + phase + "/private-reference-data",
            "application/zip",
            Zips.of(Map.of("truth.csv", privateTruth)));
    assertEquals(204, privateData.status(), privateData.body());
    ApiClient a = new ApiClient(base).newParticipant(base, "private-a");
    ApiClient b = new ApiClient(base).newParticipant(base, "private-b");
    a.join(competition);
    b.join(competition);
    long a1 = submit(a, competition, "1,3\n2,4\n");
    long a2 = submit(a, competition, "1,4\n2,5\n");
    long a3 = submit(a, competition, "1,10\n2,10\n");
    long b1 = submit(b, competition, "1,9\n2,9\n");
    Setup setup = new Setup(admin, a, b, new ApiClient(base), competition, phase, a1, a2, a3, b1);
    for (long id : List.of(a1, a2, a3, b1)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ended(admin, id), status -> !status.equals("live"));
    }
    return setup;
  }

  private Setup competition() {
    Setup setup = competition("id,value\n1,10.25\n2,10.25\n");
    for (long id : List.of(setup.a1(), setup.a2(), setup.a3(), setup.b1())) {
      assertEquals("FINISHED", ended(setup.admin(), id));
    }
    return setup;
  }

  private static String ended(ApiClient client, long id) {
    String status = client.get("submissions/" + id).json().getString("status");
    return List.of("SUBMITTED", "RUNNING", "SCORING").contains(status) ? "live" : status;
  }

  private static long submit(ApiClient participant, long competition, String predictions) {
    ApiClient.Reply sent =
        participant.post(
            "competitions/" + competition + "/submissions",
            "application/zip",
            Zips.of(Map.of("predictions.csv", predictions)));
    assertEquals(201, sent.status(), sent.body());
    return sent.json().getJsonNumber("id").longValue();
  }

  /** PUT without a body: marks a submission final. */
  private static ApiClient.Reply mark(ApiClient client, String path) {
    return client.put(path, "application/json", new byte[0]);
  }

  private static List<String> ranked(ApiClient.Reply board) {
    assertEquals(200, board.status(), board.body());
    return board.json().getJsonArray("rows").stream()
        .map(row -> row.asJsonObject().getString("participant"))
        .toList();
  }

  private static List<Double> primary(ApiClient.Reply board) {
    return board.json().getJsonArray("rows").stream()
        .map(row -> row.asJsonObject().getJsonObject("scores").getJsonNumber("mae").doubleValue())
        .toList();
  }

  private static String username(ApiClient client, long submission) {
    return client.get("submissions/" + submission).json().getString("participant");
  }

  private static boolean hasPrivateScores(JsonObject view) {
    return view.containsKey("privateScores") && !view.isNull("privateScores");
  }

  /** The private scores of this setup: nothing a participant reads may contain one. */
  private static final List<String> PRIVATE_VALUES = List.of("6.75", "5.75", "0.25", "1.25");

  private static void assertNoPrivateScore(ApiClient.Reply reply) {
    for (String value : PRIVATE_VALUES) {
      assertFalse(reply.body().contains(value), "a private score in " + reply.body());
    }
  }

  @Test
  void participantsReadPublicScoresOnlyWhileOrganizersReadBoth() {
    Setup s = competition();

    ApiClient.Reply own = s.a().get("submissions/" + s.a1());
    assertEquals(0.0, own.json().getJsonObject("scores").getJsonNumber("mae").doubleValue());
    assertFalse(hasPrivateScores(own.json()), own.body());
    assertNoPrivateScore(own);
    assertNoPrivateScore(s.a().get("competitions/" + s.competition() + "/submissions"));
    assertNoPrivateScore(s.a().get("submissions/" + s.a1() + "/logs"));
    for (String stream :
        List.of("private-scoring-stdout", "private-scoring-stderr", "private-scoring-failure")) {
      assertEquals(403, s.a().get("submissions/" + s.a1() + "/logs/" + stream).status(), stream);
    }
    assertNoPrivateScore(s.anonymous().get(s.board(null)));
    assertNoPrivateScore(s.a().get(s.board("public")));

    JsonObject organizers = s.admin().get("submissions/" + s.a1()).json();
    assertEquals(
        6.75, organizers.getJsonObject("privateScores").getJsonNumber("mae").doubleValue());
    assertEquals(0.0, organizers.getJsonObject("scores").getJsonNumber("mae").doubleValue());
  }

  @Test
  void thePrivateBoardIsTheOrganizersUntilRevealed() {
    Setup s = competition();
    String a = username(s.a(), s.a1());
    String b = username(s.b(), s.b1());

    assertEquals(List.of(a, b), ranked(s.anonymous().get(s.board(null))));
    for (ApiClient reader : List.of(s.anonymous(), s.a(), s.b())) {
      ApiClient.Reply refused = reader.get(s.board("private"));
      assertEquals(403, refused.status(), refused.body());
      assertTrue(refused.contentType().startsWith("application/problem+json"), refused.toString());
      assertTrue(refused.json().getString("detail").contains("not revealed"), refused.body());
    }
    // No marks: A's candidates are A1 and A2 (best two publicly), so B leads privately.
    ApiClient.Reply hidden = s.admin().get(s.board("private"));
    assertEquals(List.of(b, a), ranked(hidden));
    assertEquals(List.of(1.25, 5.75), primary(hidden));
    assertEquals("private", hidden.json().getString("board"));
    assertEquals(400, s.admin().get(s.board("secret")).status());

    // A's mark moves the private board at once (no node keeps the ranking from before it).
    assertEquals(200, mark(s.a(), "submissions/" + s.a3() + "/final").status());
    assertEquals(List.of(a, b), ranked(s.admin().get(s.board("private"))));
    assertEquals(List.of(a, b), ranked(s.anonymous().get(s.board(null))), "public unchanged");
  }

  @Test
  void participantsMarkAtMostKFinalSubmissionsAndUnmark() {
    Setup s = competition();

    ApiClient.Reply marked = mark(s.a(), "submissions/" + s.a1() + "/final");
    assertEquals(200, marked.status(), marked.body());
    assertTrue(marked.json().getBoolean("markedFinal"));
    assertFalse(hasPrivateScores(marked.json()), marked.body());
    assertEquals(200, mark(s.a(), "submissions/" + s.a2() + "/final").status());

    ApiClient.Reply third = mark(s.a(), "submissions/" + s.a3() + "/final");
    assertEquals(409, third.status(), third.body());
    assertTrue(third.json().getString("detail").contains("2 of 2"), third.body());

    ApiClient.Reply unmarked = s.a().delete("submissions/" + s.a2() + "/final");
    assertEquals(200, unmarked.status(), unmarked.body());
    assertFalse(unmarked.json().getBoolean("markedFinal"));
    assertEquals(200, mark(s.a(), "submissions/" + s.a3() + "/final").status());
    // Someone else's submission is not theirs to mark (and not theirs to see).
    assertEquals(404, mark(s.b(), "submissions/" + s.a2() + "/final").status());
    assertEquals(403, mark(s.admin(), "submissions/" + s.a2() + "/final").status());
  }

  /** The organizers' CSV export has every private score and the final marks, before the reveal. */
  @Test
  void theOrganizersExportHoldsPrivateScoresAndFinalMarks() throws Exception {
    Setup s = competition();
    assertEquals(200, mark(s.a(), "submissions/" + s.a1() + "/final").status());

    ApiClient.Reply csv = s.admin().get(s.phasePath() + "/submissions.csv");
    assertEquals(200, csv.status(), csv.body());
    Map<Long, org.apache.commons.csv.CSVRecord> rows = new java.util.HashMap<>();
    try (org.apache.commons.csv.CSVParser parser =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(new java.io.StringReader(csv.body()))) {
      assertTrue(
          parser.getHeaderNames().contains("private:mae"), parser.getHeaderNames().toString());
      parser.forEach(row -> rows.put(Long.parseLong(row.get("id")), row));
    }
    Map<Long, Double> privateMae = Map.of(s.a1(), 6.75, s.a2(), 5.75, s.a3(), 0.25, s.b1(), 1.25);
    Map<Long, Double> publicMae = Map.of(s.a1(), 0.0, s.a2(), 1.0, s.a3(), 6.5, s.b1(), 5.5);
    for (long id : privateMae.keySet()) {
      assertEquals(privateMae.get(id), Double.parseDouble(rows.get(id).get("private:mae")), 1e-9);
      assertEquals(publicMae.get(id), Double.parseDouble(rows.get(id).get("score:mae")), 1e-9);
      assertEquals(id == s.a1() ? "true" : "false", rows.get(id).get("final"));
    }
  }

  @Test
  void theRevealedBoardRanksByFinalMarksAndFixesThem() {
    Setup s = competition();
    String a = username(s.a(), s.a1());
    String b = username(s.b(), s.b1());
    assertEquals(200, mark(s.a(), "submissions/" + s.a3() + "/final").status());

    ApiClient.Reply revealed =
        s.admin().post(s.phasePath() + "/reveal-private", (JsonStructure) null);
    assertEquals(200, revealed.status(), revealed.body());
    assertFalse(revealed.json().isNull("privateRevealedAt"), revealed.body());

    // A's one mark (A3) is their best privately: A leads again, on the private board only.
    ApiClient.Reply board = s.anonymous().get(s.board("private"));
    assertEquals(List.of(a, b), ranked(board));
    assertEquals(List.of(0.25, 1.25), primary(board));
    assertEquals(List.of(a, b), ranked(s.anonymous().get(s.board(null))));
    assertEquals(List.of(0.0, 5.5), primary(s.anonymous().get(s.board(null))));
    JsonObject own = s.b().get("submissions/" + s.b1()).json();
    assertEquals(1.25, own.getJsonObject("privateScores").getJsonNumber("mae").doubleValue());

    ApiClient.Reply fixed = s.a().delete("submissions/" + s.a3() + "/final");
    assertEquals(409, fixed.status(), fixed.body());
    assertEquals(
        "The private leaderboard is revealed, so final submissions are fixed now.",
        fixed.json().getString("detail"));
    assertEquals(409, mark(s.b(), "submissions/" + s.b1() + "/final").status());

    assertEquals(200, s.admin().delete(s.phasePath() + "/reveal-private").status());
    assertEquals(403, s.anonymous().get(s.board("private")).status());
    assertFalse(hasPrivateScores(s.b().get("submissions/" + s.b1()).json()));
  }

  @Test
  void aFailedPrivateScoringSaysNothingOfThePrivateData() {
    // The private truth names a row no prediction has: the metric refuses, naming it.
    Setup s = competition("id,value\n1,10\n2,10\nsecret-row-77,1\n");
    JsonObject failed = s.a().get("submissions/" + s.a1()).json();
    assertEquals("FAILED", failed.getString("status"));
    assertEquals(
        "Scoring failed: the organizers see why on the submission's page.",
        failed.getString("detail"));
    assertEquals(
        403, s.a().get("submissions/" + s.a1() + "/logs/private-scoring-failure").status());
    ApiClient.Reply why = s.admin().get("submissions/" + s.a1() + "/logs/private-scoring-failure");
    assertEquals(200, why.status(), why.body());
    assertTrue(why.body().contains("secret-row-77"), why.body());
  }
}
