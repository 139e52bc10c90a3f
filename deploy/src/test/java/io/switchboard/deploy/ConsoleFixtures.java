package io.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.deploy.ami.Await;
import io.switchboard.deploy.browser.HeadlessChromium;
import io.switchboard.pbxsim.PbxSimSettings;
import io.switchboard.pbxsim.PbxSimulator;
import io.switchboard.pbxsim.scenario.QueueSpec;
import io.switchboard.pbxsim.scenario.Scenario;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What the console's end-to-end tests (WebSocket and browser) set up alike: a PBX scenario whose
 * queue the agents join, the passwords, readiness, and the admin's REST calls that create users and
 * customers.
 */
final class ConsoleFixtures {

  static final String ADMIN_PASSWORD = "console-test admin password";
  static final String PASSWORD = "console-test user password";

  private ConsoleFixtures() {}

  /**
   * Starts the simulated Asterisk on loopback with a real clock, no traffic of its own and the
   * built-in scenario whose {@code queue} the agents join.
   */
  static PbxSimulator startPbx(Vertx vertx, String queue) {
    PbxSimSettings settings = PbxSimSettings.forTests();
    return Await.result(
        PbxSimulator.start(
            vertx,
            settings
                .withAmi(settings.ami().withHost("127.0.0.1"))
                .withScenario(agentsJoin(settings.scenario(), queue))
                .withRealClock()));
  }

  /** The node's settings to reach {@code pbx} as Asterisk server {@code pbx1}. */
  static Map<String, String> amiServer(PbxSimulator pbx) {
    return Map.of("SWITCHBOARD_AMI_SERVERS", "pbx1=ami://admin:admin@127.0.0.1:" + pbx.port());
  }

  /**
   * The scenario with {@code queue}'s static members taken out, so that its members are the agents
   * who log in to it (a phone that is also a static member elsewhere would bring that queue into
   * its agent's state).
   */
  static Scenario agentsJoin(Scenario scenario, String queue) {
    List<QueueSpec> queues =
        scenario.queues().stream()
            .map(
                spec ->
                    spec.name().equals(queue)
                        ? new QueueSpec(
                            spec.name(),
                            spec.strategy(),
                            spec.timeout(),
                            spec.retry(),
                            spec.wrapuptime(),
                            spec.servicelevel(),
                            List.of())
                        : spec)
            .toList();
    return new Scenario(
        scenario.trunk(), queues, scenario.traffic(), scenario.originate(), scenario.amdContexts());
  }

  /** Waits until readiness reports everything up, the AMI session to the simulator included. */
  static void awaitReadiness(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    HttpResponse<String> ready = ServerProcess.get(port, "/health/ready");
    while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      ready = ServerProcess.get(port, "/health/ready");
    }
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
  }

  /** Signs in on the login page in {@code language}; waits for the console to be connected. */
  static void signIn(HeadlessChromium browser, String base, String user, String language) {
    browser.open(base);
    new Select(browser.byId("language-select")).selectByValue(language);
    browser.byId("login-username").sendKeys(user);
    browser.byId("login-password").sendKeys(PASSWORD);
    browser.byId("login-submit").click();
    awaitAttribute(browser, "connection-status", "data-state", "connected");
    browser.until(d -> d.findElement(By.id("loading")).isDisplayed() ? null : true);
  }

  /** Waits until the element with this id has the attribute's expected value; returns it. */
  static WebElement awaitAttribute(
      HeadlessChromium browser, String id, String attribute, String expected) {
    return browser.until(
        d -> {
          WebElement element = d.findElement(By.id(id));
          return expected.equals(element.getAttribute(attribute)) ? element : null;
        });
  }

  /** The REST calls a test makes as the bootstrap admin. */
  record AdminRest(int port, String token) {

    static AdminRest login(int port) throws Exception {
      return new AdminRest(port, ServerProcess.login(port, "admin", ADMIN_PASSWORD));
    }

    /** Creates a user with {@link #PASSWORD} and one role; returns its id. */
    long createUser(String username, String role) throws Exception {
      return post(
          "/api/v1/users",
          new JsonObject()
              .put("username", username)
              .put("password", PASSWORD)
              .put("roles", new JsonArray().add(role)));
    }

    /** Creates an individual customer with one phone number; returns its id. */
    long createCustomer(String name, String phone) throws Exception {
      return post(
          "/api/v1/customers",
          new JsonObject()
              .put("kind", "individual")
              .put("name", name)
              .put("phones", new JsonArray().add(new JsonObject().put("number", phone))));
    }

    /** POST of a JSON body as the admin; fails unless the answer has {@code status}. */
    JsonObject post(String path, JsonObject body, int status) throws Exception {
      HttpResponse<String> answer =
          ServerProcess.sendJson(port, "POST", path, token, body == null ? null : body.encode());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
      return new JsonObject(answer.body());
    }

    /** POST of a CSV file as the admin; fails unless 200. */
    JsonObject postCsv(String path, String csv) throws Exception {
      HttpResponse<String> answer =
          ServerProcess.sendBody(port, "POST", path, token, "text/csv; charset=utf-8", csv);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      return new JsonObject(answer.body());
    }

    /** GET as the admin; fails unless 200. */
    JsonObject get(String path) throws Exception {
      HttpResponse<String> answer = ServerProcess.sendJson(port, "GET", path, token, null);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      return new JsonObject(answer.body());
    }

    private long post(String path, JsonObject body) throws Exception {
      HttpResponse<String> created =
          ServerProcess.sendJson(port, "POST", path, token, body.encode());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      return new JsonObject(created.body()).getLong("id");
    }
  }
}
