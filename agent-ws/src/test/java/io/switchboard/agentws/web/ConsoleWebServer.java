package io.switchboard.agentws.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link ConsoleWebRoutes} mounted on a router as the node mounts feature routes, on a real HTTP
 * server (port 0), with an HTTP client whose requests run on one Vert.x context.
 */
final class ConsoleWebServer {

  private final HttpServer server;
  private final HttpClient client;
  private final Context clientContext;

  private ConsoleWebServer(HttpServer server, HttpClient client, Context clientContext) {
    this.server = server;
    this.client = client;
    this.clientContext = clientContext;
  }

  static ConsoleWebServer start(Vertx vertx) {
    Router router = Router.router(vertx);
    new ConsoleWebRoutes().mount(router);
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1"));
    return await(
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .map(server -> new ConsoleWebServer(server, client, vertx.getOrCreateContext())));
  }

  void stop() {
    await(client.close().compose(done -> server.close()));
  }

  /** An answer: status, headers and body. */
  record Reply(int status, MultiMap headers, Buffer body) {
    String text() {
      return body.toString(StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  Reply get(String path) {
    return request(HttpMethod.GET, path, Map.of());
  }

  Reply request(HttpMethod method, String path, Map<String, String> headers) {
    RequestOptions options =
        new RequestOptions().setMethod(method).setPort(server.actualPort()).setURI(path);
    headers.forEach(options::putHeader);
    return await(
        Future.future(
            reply ->
                clientContext.runOnContext(
                    start ->
                        client
                            .request(options)
                            .compose(request -> request.send())
                            .compose(
                                response ->
                                    response
                                        .body()
                                        .map(
                                            body ->
                                                new Reply(
                                                    response.statusCode(),
                                                    response.headers(),
                                                    body)))
                            .onComplete(reply))));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(20, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError(failed);
    }
  }
}
