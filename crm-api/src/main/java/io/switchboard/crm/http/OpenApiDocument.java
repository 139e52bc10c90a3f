package io.switchboard.crm.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's OpenAPI 3 document, a static resource ({@value #RESOURCE}) read once from the class
 * path when the class loads (at start, not on an event loop) and served as it is.
 */
public final class OpenApiDocument {

  /** Where the document is on the class path. */
  public static final String RESOURCE = "io/switchboard/crm/openapi.json";

  private static final Buffer DOCUMENT = load();

  private OpenApiDocument() {}

  /** The document's bytes. */
  public static Buffer document() {
    return DOCUMENT.copy();
  }

  static Handler<RoutingContext> handler() {
    return context ->
        context
            .response()
            .putHeader("content-type", "application/json; charset=utf-8")
            .end(DOCUMENT);
  }

  private static Buffer load() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
