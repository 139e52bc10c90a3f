package io.switchboard.agentws.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the web console under {@value #PATH}: the login, agent and supervisor pages with their
 * CSS, JavaScript modules and dictionaries, plain files from the classpath folder {@value
 * #WEB_ROOT} (no build step). Every answer says {@code Cache-Control: no-cache} with a {@code
 * Last-Modified}, so a browser revalidates each file (a cheap 304) and never runs the previous
 * release's scripts after an upgrade: the file names carry no version. Handlers run on the HTTP
 * server's event loop; Vert.x reads the files asynchronously.
 */
public final class ConsoleWebRoutes {

  /** Where the console is mounted; {@value #PATH} itself redirects to {@value #PATH}{@code /}. */
  public static final String PATH = "/console";

  /** The classpath folder holding the console's files. */
  static final String WEB_ROOT = "webroot/console";

  static final String CACHE_CONTROL = "no-cache";

  /**
   * Only the console's own files and its own origin's API and WebSocket (CSP 3's {@code 'self'}
   * covers {@code ws:}/{@code wss:} to the same host); no inline scripts or styles, no framing.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; "
          + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** The StaticHandler keeps file properties of at most this many paths (the console has ~30). */
  private static final int MAX_CACHED_PATHS = 256;

  private final StaticHandler files =
      StaticHandler.create(WEB_ROOT)
          .setIndexPage("index.html")
          .setDefaultContentEncoding("UTF-8")
          .setCachingEnabled(true)
          .setFilesReadOnly(true)
          // File properties are read on a worker, never timed on the event loop and then read
          // there (the handler's tuning would do that when reads look fast).
          .setAlwaysAsyncFS(true)
          .setEnableFSTuning(false)
          .setMaxCacheSize(MAX_CACHED_PATHS)
          .setDirectoryListing(false)
          .setIncludeHidden(false);

  /**
   * Adds {@code GET}/{@code HEAD} {@value #PATH}{@code /*} and the redirect of {@value #PATH}.
   * Mount it anywhere before the node's failure handlers; a path with no file falls through to the
   * router's 404.
   */
  public void mount(Router router) {
    router.get(PATH).handler(ConsoleWebRoutes::redirectToFolder);
    router
        .route(PATH + "/*")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(ConsoleWebRoutes::headers)
        .handler(files);
  }

  /** {@value #PATH} without the slash would resolve the pages' relative links one level up. */
  private static void redirectToFolder(RoutingContext context) {
    if (!PATH.equals(context.request().path())) {
      context.next(); // the route also matches PATH + "/"
      return;
    }
    String query = context.request().query();
    context
        .response()
        .setStatusCode(301)
        .putHeader("location", PATH + "/" + (query == null ? "" : "?" + query))
        .end();
  }

  private static void headers(RoutingContext context) {
    HttpServerResponse response = context.response();
    // Set before the StaticHandler, which only adds a cache-control when none is there.
    response
        .putHeader("cache-control", CACHE_CONTROL)
        .putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "no-referrer")
        .putHeader("content-security-policy", CONTENT_SECURITY_POLICY);
    context.next();
  }
}
