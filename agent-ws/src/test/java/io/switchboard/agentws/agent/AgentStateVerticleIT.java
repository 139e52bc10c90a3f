package io.switchboard.agentws.agent;

import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.ended;
import static io.switchboard.agentws.agent.AgentEvents.member;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static io.switchboard.agentws.testbus.AgentNode.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.persistence.AgentStateHistoryRow;
import io.switchboard.agentws.testbus.AgentNode;
import io.switchboard.agentws.testbus.Inbox;
import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.call.QueueMemberChange;
import io.switchboard.core.config.RedisAddress;
import io.switchboard.core.redis.RedisDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AgentStateVerticleIT {

  private static final String PHONE = "PJSIP/1001";

  private AgentNode node;
  private long alice;
  private Inbox aliceInbox;
  private Inbox supervisors;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    node = new AgentNode(vertx);
    node.start()
        .compose(started -> node.user("alice"))
        .compose(
            id -> {
              alice = id;
              return Inbox.open(vertx.eventBus(), ConsoleBusAddresses.toUser(id));
            })
        .compose(
            inbox -> {
              aliceInbox = inbox;
              return Inbox.open(vertx.eventBus(), "console.to.role.supervisor");
            })
        .onComplete(
            ctx.succeeding(
                inbox -> {
                  supervisors = inbox;
                  ctx.completeNow();
                }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    node.close().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void drop() {
    node.drop();
  }

  private Future<JsonObject> login(String... queues) {
    return node.command(
        alice,
        ConsoleBusAddresses.AGENT_LOGIN,
        new JsonObject()
            .put("interface", PHONE)
            .put("memberName", "Alice")
            .put("queues", new JsonArray(List.of(queues))));
  }

  private Future<JsonObject> command(String type, JsonObject data, long advanceSeconds) {
    node.clock.advance(Duration.ofSeconds(advanceSeconds));
    return node.command(alice, type, data);
  }

  private static String state(JsonObject reply) {
    return reply.getJsonObject("data").getString("state");
  }

  private static String row(AgentStateHistoryRow row) {
    return row.state()
        + (row.reason() == null ? "" : "(" + row.reason() + ")")
        + " "
        + Duration.between(T0, row.startedAt()).toSeconds()
        + "-"
        + (row.endedAt() == null ? "open" : Duration.between(T0, row.endedAt()).toSeconds());
  }

  @Test
  void commandsGoToThePbxFirstAndEveryChangeIsStoredWithItsTimesAndPushed(VertxTestContext ctx) {
    login("sales", "support")
        .compose(
            ready -> {
              ctx.verify(() -> assertThat(state(ready)).isEqualTo("ready"));
              return command(
                  ConsoleBusAddresses.AGENT_PAUSE, new JsonObject().put("reason", "lunch"), 60);
            })
        .compose(paused -> command(ConsoleBusAddresses.AGENT_READY, new JsonObject(), 1800))
        .compose(ready -> command(ConsoleBusAddresses.AGENT_LOGOUT, new JsonObject(), 10))
        .compose(
            out -> {
              ctx.verify(() -> assertThat(state(out)).isEqualTo("logged_out"));
              return node.history.history(alice);
            })
        .compose(
            rows -> {
              ctx.verify(
                  () -> {
                    assertThat(rows.stream().map(AgentStateVerticleIT::row))
                        .containsExactly(
                            "ready 0-60",
                            "paused(lunch) 60-1860",
                            "ready 1860-1870",
                            "logged_out 1870-open");
                    assertThat(rows.get(0).queues()).containsExactly("sales", "support");
                    List<JsonObject> adds = node.pbx.requests(AmiActionAddresses.QUEUE_ADD);
                    assertThat(adds)
                        .extracting(add -> add.getString("queue"))
                        .containsExactlyInAnyOrder("sales", "support");
                    assertThat(adds)
                        .allSatisfy(
                            add -> {
                              assertThat(add.getString("interface")).isEqualTo(PHONE);
                              assertThat(add.getString("memberName")).isEqualTo("Alice");
                            });
                    List<JsonObject> pauses = node.pbx.requests(AmiActionAddresses.QUEUE_PAUSE);
                    assertThat(pauses).hasSize(2);
                    assertThat(pauses.get(0).getBoolean("paused")).isTrue();
                    assertThat(pauses.get(0).getString("reason")).isEqualTo("lunch");
                    assertThat(pauses.get(1).getBoolean("paused")).isFalse();
                    assertThat(node.pbx.requests(AmiActionAddresses.QUEUE_REMOVE)).hasSize(2);
                  });
              return pushed(aliceInbox, 4)
                  .compose(mine -> pushed(supervisors, 4).map(theirs -> List.of(mine, theirs)));
            })
        .onComplete(
            ctx.succeeding(
                pushes ->
                    ctx.verify(
                        () -> {
                          assertThat(pushes.get(0))
                              .containsExactly("ready", "paused", "ready", "logged_out");
                          assertThat(pushes.get(1)).isEqualTo(pushes.get(0));
                          ctx.completeNow();
                        })));
  }

  @Test
  void aLoginAsteriskRefusesIsRepliedWithItsMessageAndTheQueuesAddedAreRemovedAgain(
      VertxTestContext ctx) {
    node.pbx.refuse(
        AmiActionAddresses.QUEUE_ADD,
        "support",
        "Asterisk refused QueueAdd: Unable to add interface: Already there");

    login("sales", "support")
        .onComplete(
            ctx.failing(
                failure -> {
                  ctx.verify(
                      () -> {
                        assertThat(failure).isInstanceOf(ReplyException.class);
                        assertThat(((ReplyException) failure).failureCode()).isEqualTo(409);
                        assertThat(failure).hasMessageContaining("Already there");
                        assertThat(node.pbx.requests(AmiActionAddresses.QUEUE_REMOVE))
                            .singleElement()
                            .satisfies(r -> assertThat(r.getString("queue")).isEqualTo("sales"));
                      });
                  command(ConsoleBusAddresses.AGENT_PAUSE, new JsonObject().put("reason", "x"), 1)
                      .onComplete(
                          ctx.failing(
                              refused ->
                                  ctx.verify(
                                      () -> {
                                        assertThat(refused)
                                            .hasMessageContaining("cannot pause while logged_out");
                                        assertThat(((ReplyException) refused).failureCode())
                                            .isEqualTo(409);
                                        ctx.completeNow();
                                      })));
                }));
  }

  @Test
  void badCommandsAreRefusedWithWhatIsWrong(VertxTestContext ctx) {
    node.command(alice, ConsoleBusAddresses.AGENT_LOGIN, new JsonObject().put("interface", PHONE))
        .recover(
            noQueues -> {
              ctx.verify(
                  () -> {
                    assertThat(((ReplyException) noQueues).failureCode()).isEqualTo(400);
                    assertThat(noQueues).hasMessageContaining("needs 'queues'");
                  });
              return node.command(alice, "agent.dance", new JsonObject());
            })
        .onComplete(
            ctx.failing(
                unknown ->
                    ctx.verify(
                        () -> {
                          assertThat(((ReplyException) unknown).failureCode()).isEqualTo(400);
                          assertThat(unknown)
                              .hasMessageContaining("unknown agent command type 'agent.dance'");
                          assertThat(node.pbx.requests()).isEmpty();
                          ctx.completeNow();
                        })));
  }

  @Test
  void theStateSurvivesARestartThroughRedisAndTheHistoryContinues(VertxTestContext ctx) {
    login("sales")
        .compose(
            ready ->
                command(
                    ConsoleBusAddresses.AGENT_PAUSE, new JsonObject().put("reason", "lunch"), 60))
        .compose(paused -> node.undeploy())
        .compose(stopped -> node.deploy())
        .compose(restarted -> command(ConsoleBusAddresses.AGENT_READY, new JsonObject(), 600))
        .compose(
            ready -> {
              ctx.verify(() -> assertThat(state(ready)).isEqualTo("ready"));
              return node.history.history(alice);
            })
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows.stream().map(AgentStateVerticleIT::row))
                              .containsExactly(
                                  "ready 0-60", "paused(lunch) 60-660", "ready 660-open");
                          JsonObject unpause =
                              node.pbx.requests(AmiActionAddresses.QUEUE_PAUSE).get(1);
                          assertThat(unpause.getString("interface")).isEqualTo(PHONE);
                          assertThat(unpause.getBoolean("paused")).isFalse();
                          ctx.completeNow();
                        })));
  }

  @Test
  void aNodeWhoseRedisDoesNotAnswerStartsWithNoAgentLoggedInAndStillServesLogins(
      VertxTestContext ctx) throws Exception {
    RedisDatabase unreachable =
        RedisDatabase.open(
            node.vertx,
            node.testRedis
                .settings()
                .withAddress(RedisAddress.parse("redis://127.0.0.1:" + closedPort())));
    login("sales")
        .compose(ready -> node.undeploy())
        .compose(stopped -> node.deploy(unreachable))
        .compose(started -> stateQuery(new JsonObject().put("userId", alice)))
        .compose(
            query -> {
              ctx.verify(
                  () ->
                      assertThat(query.getJsonObject("agent").getString("state"))
                          .isEqualTo("logged_out"));
              return login("sales");
            })
        .eventually(() -> unreachable.close())
        .onComplete(
            ctx.succeeding(
                ready ->
                    ctx.verify(
                        () -> {
                          assertThat(state(ready)).isEqualTo("ready");
                          ctx.completeNow();
                        })));
  }

  private static int closedPort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aCallRingsIsTalkedAndWrappedUpThenTheAgentIsReadyAndThePbxFollows(VertxTestContext ctx) {
    login("sales")
        .compose(ready -> pushed(aliceInbox, 1))
        .compose(
            ready -> {
              node.publish(offered("L1", "sales", PHONE));
              return pushed(aliceInbox, 1);
            })
        .compose(
            ringing -> {
              node.clock.advance(Duration.ofSeconds(4));
              node.publish(answered("L1", "sales", PHONE));
              return pushed(aliceInbox, 1).map(onCall -> List.of(ringing.get(0), onCall.get(0)));
            })
        .compose(
            states -> {
              ctx.verify(() -> assertThat(states).containsExactly("ringing", "on_call"));
              node.clock.advance(Duration.ofSeconds(100));
              node.publish(ended("L1", "sales", PHONE));
              return pushed(aliceInbox, 1);
            })
        .compose(
            wrapUp -> {
              ctx.verify(() -> assertThat(wrapUp).containsExactly("wrap_up"));
              node.clock.advance(Duration.ofSeconds(30));
              return pushed(aliceInbox, 1);
            })
        .compose(
            ready -> {
              ctx.verify(() -> assertThat(ready).containsExactly("ready"));
              return command(ConsoleBusAddresses.AGENT_LOGOUT, new JsonObject(), 5);
            })
        .compose(out -> node.history.history(alice))
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          assertThat(rows.stream().map(AgentStateVerticleIT::row))
                              .containsExactly(
                                  "ready 0-0",
                                  "ringing 0-4",
                                  "on_call 4-104",
                                  "wrap_up 104-134",
                                  "ready 134-139",
                                  "logged_out 139-open");
                          List<JsonObject> pauses =
                              node.pbx.requests(AmiActionAddresses.QUEUE_PAUSE);
                          assertThat(pauses).hasSize(2);
                          assertThat(pauses.get(0).getString("reason")).isEqualTo("wrap-up");
                          assertThat(pauses.get(1).getBoolean("paused")).isFalse();
                          ctx.completeNow();
                        })));
  }

  @Test
  void aPauseWhoseConfirmingEventOvertakesItsReplySucceedsAndIsPushedOnce(VertxTestContext ctx) {
    login("sales")
        .compose(ready -> pushed(aliceInbox, 1))
        .compose(
            ready -> {
              node.pbx.beforeReply(
                  AmiActionAddresses.QUEUE_PAUSE,
                  () ->
                      node.publish(
                          member("sales", PHONE, QueueMemberChange.PAUSED, true, "lunch")));
              return command(
                  ConsoleBusAddresses.AGENT_PAUSE, new JsonObject().put("reason", "lunch"), 60);
            })
        .compose(
            paused -> {
              ctx.verify(
                  () -> {
                    assertThat(state(paused)).isEqualTo("paused");
                    assertThat(paused.getJsonObject("data").getString("reason")).isEqualTo("lunch");
                  });
              return command(ConsoleBusAddresses.AGENT_READY, new JsonObject(), 60);
            })
        .compose(ready -> pushed(aliceInbox, 2))
        .onComplete(
            ctx.succeeding(
                states ->
                    ctx.verify(
                        () -> {
                          assertThat(states).containsExactly("paused", "ready");
                          ctx.completeNow();
                        })));
  }

  @Test
  void whatThePbxShowsAfterAResyncOverridesTheConsole(VertxTestContext ctx) {
    login("sales", "support")
        .compose(ready -> pushed(aliceInbox, 1))
        .compose(
            ready -> {
              node.publish(member("sales", PHONE, QueueMemberChange.RESYNC, true, "supervisor"));
              return pushed(aliceInbox, 1);
            })
        .compose(
            paused -> {
              ctx.verify(() -> assertThat(paused).containsExactly("paused"));
              node.publish(member("sales", PHONE, QueueMemberChange.REMOVED, false, ""));
              node.publish(member("support", PHONE, QueueMemberChange.REMOVED, false, ""));
              return pushed(aliceInbox, 2);
            })
        .compose(
            removed -> {
              ctx.verify(() -> assertThat(removed).containsExactly("paused", "logged_out"));
              // logging in again works: the PBX removed the member and so did we
              return login("sales");
            })
        .onComplete(
            ctx.succeeding(
                again ->
                    ctx.verify(
                        () -> {
                          assertThat(state(again)).isEqualTo("ready");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aReloadingConsoleGetsTheCurrentStateOfOneAgentOrOfAll(VertxTestContext ctx) {
    login("sales")
        .compose(
            ready ->
                command(
                    ConsoleBusAddresses.AGENT_PAUSE, new JsonObject().put("reason", "lunch"), 9))
        .compose(paused -> stateQuery(new JsonObject().put("userId", alice)))
        .compose(
            one -> {
              ctx.verify(
                  () -> {
                    JsonObject agent = one.getJsonObject("agent");
                    assertThat(agent.getString("state")).isEqualTo("paused");
                    assertThat(agent.getString("reason")).isEqualTo("lunch");
                    assertThat(agent.getString("since")).isEqualTo(T0.plusSeconds(9).toString());
                  });
              return stateQuery(new JsonObject());
            })
        .onComplete(
            ctx.succeeding(
                all ->
                    ctx.verify(
                        () -> {
                          JsonArray agents = all.getJsonArray("agents");
                          assertThat(agents).hasSize(1);
                          assertThat(agents.getJsonObject(0).getLong("userId")).isEqualTo(alice);
                          ctx.completeNow();
                        })));
  }

  private Future<JsonObject> stateQuery(JsonObject request) {
    return node.vertx
        .eventBus()
        .<JsonObject>request(ConsoleBusAddresses.AGENT_STATE_QUERY, request)
        .map(reply -> reply.body());
  }

  /** The states of the next {@code count} agent.state.changed pushes. */
  private static Future<List<String>> pushed(Inbox inbox, int count) {
    Future<List<String>> states = Future.succeededFuture(List.of());
    for (int index = 0; index < count; index++) {
      states =
          states.compose(
              sofar ->
                  inbox
                      .next(ConsoleBusAddresses.AGENT_STATE_CHANGED)
                      .map(
                          data -> {
                            List<String> more = new java.util.ArrayList<>(sofar);
                            more.add(data.getString("state"));
                            return more;
                          }));
    }
    return states;
  }
}
