package io.switchboard.testsupport;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** An HTTP answer a {@link TestHttpClient} read whole. Immutable once read. */
public record HttpReply(int status, MultiMap headers, Buffer body) {

  /** The body as a JSON object. */
  public JsonObject json() {
    return body.toJsonObject();
  }

  /** The {@code error.code} of the node's error JSON. */
  public String errorCode() {
    return json().getJsonObject("error").getString("code");
  }

  /** The fields an error names, in order; empty when it names none. */
  public List<String> errorFields() {
    List<String> fields = new ArrayList<>();
    JsonArray array = json().getJsonObject("error").getJsonArray("fields");
    if (array != null) {
      array.forEach(field -> fields.add(((JsonObject) field).getString("field")));
    }
    return fields;
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
