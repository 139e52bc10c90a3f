package io.switchboard.agentws.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.web.ConsoleWebServer.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How {@link ConsoleWebRoutes} serves the console's files over a real HTTP server. */
@ExtendWith(VertxExtension.class)
class ConsoleWebRoutesIT {

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html;charset=UTF-8",
          "js", "text/javascript;charset=UTF-8",
          "css", "text/css;charset=UTF-8",
          "json", "application/json",
          "svg", "image/svg+xml");

  private ConsoleWebServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = ConsoleWebServer.start(vertx);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void everyFileIsServedWholeWithTheContentTypeOfItsKind() {
    Map<String, byte[]> files = ConsoleFiles.all();
    assertThat(files.keySet())
        .contains(
            "index.html",
            "agent.html",
            "supervisor.html",
            "css/console.css",
            "js/console-socket.js",
            "i18n/zh.json",
            "i18n/en.json");
    for (String file : files.keySet()) {
      String extension = file.substring(file.lastIndexOf('.') + 1);
      assertThat(CONTENT_TYPES).as("a file of an unexpected kind: %s", file).containsKey(extension);
      Reply reply = server.get("/console/" + file);
      assertThat(reply.status()).as(file).isEqualTo(200);
      assertThat(reply.header("content-type")).as(file).isEqualTo(CONTENT_TYPES.get(extension));
      assertThat(reply.body().getBytes()).as(file).isEqualTo(files.get(file));
    }
  }

  @Test
  void everyAnswerIsRevalidatedAndLocksThePageToItsOwnOrigin() {
    Reply reply = server.get("/console/js/agent-page.js");

    assertThat(reply.header("cache-control")).isEqualTo("no-cache");
    assertThat(reply.header("last-modified")).isNotBlank();
    assertThat(reply.header("x-content-type-options")).isEqualTo("nosniff");
    assertThat(reply.header("content-security-policy"))
        .contains("default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
  }

  @Test
  void aRevalidationOfAnUnchangedFileIsAnswered304WithoutABody() {
    String lastModified = server.get("/console/css/console.css").header("last-modified");

    Reply again =
        server.request(
            HttpMethod.GET, "/console/css/console.css", Map.of("if-modified-since", lastModified));

    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body().length()).isZero();
  }

  @Test
  void theFolderServesTheLoginPageAndTheBarePathRedirectsToIt() {
    Reply bare = server.get("/console");
    assertThat(bare.status()).isEqualTo(301);
    assertThat(bare.header("location")).isEqualTo("/console/");

    Reply folder = server.get("/console/");
    assertThat(folder.status()).isEqualTo(200);
    assertThat(folder.header("content-type")).isEqualTo("text/html;charset=UTF-8");
    assertThat(folder.body().getBytes()).isEqualTo(ConsoleFiles.all().get("index.html"));
  }

  @Test
  void aHeadRequestGetsTheHeadersWithoutTheBody() {
    Reply head = server.request(HttpMethod.HEAD, "/console/agent.html", Map.of());

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("last-modified")).isNotBlank();
    assertThat(head.body().length()).isZero();
  }

  @Test
  void missingFilesFoldersAndPathsOutsideTheConsoleAreNotServed() {
    assertThat(server.get("/console/nothing.html").status()).isEqualTo(404);
    assertThat(server.get("/console/js/").status()).isEqualTo(404);
    assertThat(server.get("/console/js").status()).isIn(301, 404);
    // The classpath root holds the module's classes two folders above webroot/console.
    String outside = "io/switchboard/agentws/web/ConsoleWebRoutes.class";
    assertThat(getClass().getClassLoader().getResource(outside)).isNotNull();
    assertThat(server.get("/console/../../" + outside).status()).isEqualTo(404);
    assertThat(server.get("/console/%2e%2e/%2e%2e/" + outside).status()).isEqualTo(404);
    assertThat(server.get("/console/..%2f..%2f" + outside).status()).isEqualTo(404);
    assertThat(server.get("/console/js/..%2f..%2f..%2f" + outside).status()).isEqualTo(404);
    assertThat(server.request(HttpMethod.POST, "/console/index.html", Map.of()).status())
        .isNotEqualTo(200);
  }
}
