package io.switchboard.dialer.http;

import static io.switchboard.dialer.http.DialerTestServer.ADMIN;
import static io.switchboard.dialer.http.DialerTestServer.AGENT;
import static io.switchboard.dialer.http.DialerTestServer.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.HttpReply;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent-group routes against real PostgreSQL, behind the dialer's guard. */
@ExtendWith(VertxExtension.class)
class AgentGroupRoutesIT {

  private static DialerTestServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = DialerTestServer.start(vertx);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aGroupIsCreatedReadListedReplacedAndDeleted() {
    String name = CampaignBodies.unique("team");

    HttpReply created = put(name, SUPERVISOR, group("Evening team", 3, 1, 3));
    HttpReply replaced = put(name, ADMIN, group("Late team", 2));
    HttpReply read = server.get("/agent-groups/" + name, ADMIN);
    HttpReply listed = server.get("/agent-groups?limit=500", ADMIN);
    HttpReply deleted = server.delete("/agent-groups/" + name, SUPERVISOR);
    HttpReply gone = server.get("/agent-groups/" + name, ADMIN);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.headers().get("location")).isEqualTo("/api/v1/agent-groups/" + name);
    assertThat(created.json().getJsonArray("members")).containsExactly(1, 3);
    assertThat(created.json().getString("description")).isEqualTo("Evening team");
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(read.json().getJsonArray("members")).containsExactly(2);
    assertThat(read.json().getString("description")).isEqualTo("Late team");
    assertThat(listed.json().getJsonArray("items")).contains(read.json());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(gone.status()).isEqualTo(404);
  }

  @Test
  void unknownUsersAreRefusedNamingThemAndNothingIsStored() {
    String name = CampaignBodies.unique("team");

    HttpReply refused = put(name, SUPERVISOR, group("Team", 1, 9001, 9002));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorFields()).containsExactly("members");
    assertThat(refused.body().toString()).contains("9001, 9002");
    assertThat(server.get("/agent-groups/" + name, ADMIN).status()).isEqualTo(404);
  }

  @Test
  void badBodiesAndNamesAreRefusedNamingTheProblem() {
    JsonObject tooMany = new JsonObject().put("members", new JsonArray(ids(1_001)));
    JsonObject notIds =
        new JsonObject().put("members", new JsonArray().add(1).add("two").add(-3)).put("x", 1);

    HttpReply overLimit = put("big", SUPERVISOR, tooMany);
    HttpReply badItems = put("odd", SUPERVISOR, notIds);
    HttpReply noMembers = put("empty", SUPERVISOR, new JsonObject());
    HttpReply badName = put("-no", SUPERVISOR, group("Team", 1));
    HttpReply agent = put("team-x", AGENT, group("Team", 1));

    assertThat(overLimit.status()).isEqualTo(422);
    assertThat(overLimit.body().toString()).contains("at most 1000");
    assertThat(badItems.errorFields()).containsExactlyInAnyOrder("members[1]", "members[2]", "x");
    assertThat(noMembers.errorFields()).containsExactly("members");
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.body().toString()).contains("-no");
    assertThat(agent.status()).isEqualTo(403);
  }

  @Test
  void aCampaignNeedsAnExistingGroupAndAGroupInUseCannotBeDeleted() {
    String name = CampaignBodies.unique("team");
    JsonObject campaign = CampaignBodies.progressive();
    campaign.remove("queue");
    campaign.put("agentGroup", name);

    HttpReply unknownGroup = server.post("/campaigns", SUPERVISOR, campaign);
    put(name, SUPERVISOR, group("Team", 2));
    HttpReply created = server.post("/campaigns", SUPERVISOR, campaign);
    HttpReply inUse = server.delete("/agent-groups/" + name, SUPERVISOR);
    HttpReply stillThere = server.get("/agent-groups/" + name, ADMIN);

    assertThat(unknownGroup.status()).as(unknownGroup.toString()).isEqualTo(422);
    assertThat(unknownGroup.errorFields()).containsExactly("agentGroup");
    assertThat(unknownGroup.body().toString()).contains(name);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("agentGroup")).isEqualTo(name);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.body().toString()).contains("campaign " + created.json().getLong("id"));
    assertThat(stillThere.status()).isEqualTo(200);
  }

  private static HttpReply put(String name, String token, JsonObject body) {
    return server.send(
        HttpMethod.PUT, "/agent-groups/" + name, token, body.toBuffer(), "application/json");
  }

  private static JsonObject group(String description, long... members) {
    JsonArray ids = new JsonArray();
    for (long member : members) {
      ids.add(member);
    }
    return new JsonObject().put("description", description).put("members", ids);
  }

  private static List<Object> ids(int count) {
    List<Object> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(i);
    }
    return ids;
  }
}
