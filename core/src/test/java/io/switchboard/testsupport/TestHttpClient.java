package io.switchboard.testsupport;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Map;

/**
 * A test's HTTP client for a REST test server on 127.0.0.1: every request is made on the client's
 * own Vert.x context and its answer read whole into an {@link HttpReply}. Safe to call from any
 * thread; close it in tear-down.
 */
public final class TestHttpClient {

  private final HttpClient client;
  private final Context context;
  private final int port;
  private final String basePath;

  /** A client for the server on {@code port}; request paths are below {@code basePath}. */
  public TestHttpClient(Vertx vertx, int port, String basePath) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1"));
    this.context = vertx.getOrCreateContext();
    this.port = port;
    this.basePath = basePath;
  }

  /**
   * Any request below the base path, with {@code headers} (may be empty) and a body of {@code
   * contentType} (both null for none).
   */
  public Future<HttpReply> send(
      HttpMethod method, String path, MultiMap headers, Buffer body, String contentType) {
    RequestOptions options =
        new RequestOptions().setMethod(method).setPort(port).setURI(basePath + path);
    for (Map.Entry<String, String> header : headers) {
      options.addHeader(header.getKey(), header.getValue());
    }
    if (contentType != null) {
      options.putHeader("content-type", contentType);
    }
    // On the client's event loop: a test thread attaching body() after the response has begun
    // to arrive would lose the body (Vert.x does not pause a response for a late handler).
    return Future.future(
        reply ->
            context.runOnContext(
                start ->
                    client
                        .request(options)
                        .compose(request -> body == null ? request.send() : request.send(body))
                        .compose(
                            response ->
                                response
                                    .body()
                                    .map(
                                        bytes ->
                                            new HttpReply(
                                                response.statusCode(), response.headers(), bytes)))
                        .onComplete(reply)));
  }

  public Future<Void> close() {
    return client.close();
  }
}
