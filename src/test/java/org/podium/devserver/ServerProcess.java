package org.podium.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The application server the run command starts: WildFly or Payara. */
public interface ServerProcess {

  /** Podium's base address, e.g. {@code http://127.0.0.1:8080/podium/}. */
  URI base();

  /** Waits until {@code /api/health} answers (200 or 503) and returns its body. */
  String awaitHealth(Duration limit) throws InterruptedException;

  boolean isAlive();

  /** Waits until the server ends. */
  int waitFor() throws InterruptedException;

  /** Stops the server as Ctrl-C would. */
  void stop();

  /** Kills the server's JVM with SIGKILL, as a crash or an OOM killer would: nothing runs after. */
  void kill() throws Exception;

  /**
   * A server of the integration tests' run (WildFly, or Payara when {@code podium.it.server} is
   * {@code payara}) with {@code war} deployed, its state under {@code work}, its ports moved by
   * {@code portOffset}, Podium configured by {@code environment}.
   */
  static ServerProcess forIntegrationTest(
      Path war, Path work, int portOffset, Map<String, String> environment) {
    if ("payara".equals(System.getProperty("podium.it.server"))) {
      return PayaraProcess.start(
          Path.of(System.getProperty("payara.home")),
          Path.of("server-config/payara/configure.sh"),
          Path.of("target/jdbc/postgresql.jar"),
          war,
          work.resolve("payara-domains"),
          8080 + portOffset,
          environment);
    }
    return WildFlyProcess.start(
        Path.of(System.getProperty("jboss.home")),
        System.getProperty("wildfly.config", "standalone-podium.xml"),
        war,
        work.resolve("server"),
        portOffset,
        environment,
        false);
  }

  /** Polls {@code base/api/health} until it answers 200 or 503, while {@code alive} holds. */
  static String awaitHealth(URI base, Duration limit, BooleanSupplier alive)
      throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("api/health")).timeout(Duration.ofSeconds(10)).build();
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (!alive.getAsBoolean()) {
        throw new IllegalStateException("the server stopped during startup");
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 || response.statusCode() == 503) {
          return response.body();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Podium did not answer at " + base + " within " + limit);
  }
}
