package io.switchboard.crm.http;

import static io.switchboard.crm.http.CrmTestServer.ADMIN;

import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Test data made through the API itself. */
final class CrmFixtures {

  private CrmFixtures() {}

  static JsonObject customer(
      String name, String tag, Long region, String tier, boolean vip, String phone) {
    JsonObject body =
        new JsonObject()
            .put("kind", "organization")
            .put("name", name)
            .put("customerType", "partner")
            .put("vip", vip)
            .put("ownerUserId", 3)
            .put("tags", new JsonArray().add(tag))
            .put("phones", new JsonArray().add(new JsonObject().put("number", phone)));
    if (region != null) {
      body.put("regionId", region);
    }
    if (tier != null) {
      body.put("valueTier", tier);
    }
    return body;
  }

  static Future<HttpReply> create(CrmTestServer server, JsonObject body) {
    return server
        .post("/customers", ADMIN, body)
        .map(
            reply -> {
              if (reply.status() != 201) {
                throw new IllegalStateException("could not create: " + reply);
              }
              return reply;
            });
  }

  static Future<Long> region(CrmTestServer server, Long parent, String level, String name) {
    JsonObject body = new JsonObject().put("level", level).put("name", name);
    if (parent != null) {
      body.put("parentId", parent);
    }
    return server
        .post("/regions", ADMIN, body)
        .map(
            reply -> {
              if (reply.status() != 201) {
                throw new IllegalStateException("could not create region: " + reply);
              }
              return reply.json().getLong("id");
            });
  }

  static Future<List<String>> names(CrmTestServer server, String path) {
    return server
        .get(path, ADMIN)
        .map(
            reply -> {
              if (reply.status() != 200) {
                throw new IllegalStateException(path + ": " + reply);
              }
              return names(reply.json());
            });
  }

  static List<String> names(JsonObject page) {
    List<String> names = new ArrayList<>();
    page.getJsonArray("items").forEach(item -> names.add(((JsonObject) item).getString("name")));
    return names;
  }

  static Future<List<Long>> searchIds(CrmTestServer server, String path) {
    return server
        .get(path, ADMIN)
        .map(
            reply -> {
              List<Long> ids = new ArrayList<>();
              reply
                  .json()
                  .getJsonArray("items")
                  .forEach(item -> ids.add(((JsonObject) item).getLong("id")));
              return ids;
            });
  }
}
