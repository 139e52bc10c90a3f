package io.switchboard.agentws.call;

import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static io.switchboard.agentws.call.Refusals.assertRefused;
import static io.switchboard.agentws.call.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.testbus.AgentNode;
import io.switchboard.core.call.CallOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code call.wrapup} against real PostgreSQL: the disposition and notes reach the call log whether
 * the call log is written before or after, and the customer's timeline shows them. The call log
 * writer is stood in for by {@link CallTestNode#writeCallLog}, which does what the AMI bridge's
 * writer does (tested there).
 */
@ExtendWith(VertxExtension.class)
class CallWrapUpIT {

  private static final String ALICE_PHONE = "PJSIP/1001";

  private CallTestNode node;
  private long alice;
  private long bob;
  private long customer;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    node = new CallTestNode(new AgentNode(vertx));
    node.start()
        .compose(started -> node.agents.user("alice"))
        .compose(
            id -> {
              alice = id;
              return node.agents.user("bob");
            })
        .compose(
            id -> {
              bob = id;
              return node.customer("Acme");
            })
        .compose(
            id -> {
              customer = id;
              return node.login(alice, ALICE_PHONE);
            })
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    node.agents.close().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void drop() {
    node.agents.drop();
  }

  private void aliceAnswers(String linkedId) {
    node.agents.publish(offered(linkedId, "sales", ALICE_PHONE));
    node.agents.publish(answered(linkedId, "sales", ALICE_PHONE));
  }

  /** The answered queue call ends; waits until alice is credited with it. */
  private Future<Row> callEnds(String linkedId) {
    node.agents.publish(CallEvents.ended(linkedId, CallOutcome.ANSWERED, ALICE_PHONE, null));
    return node.eventually(
        "SELECT agent_user_id FROM call_wrapups WHERE server_id = 'pbx1' AND linked_id = $1",
        Tuple.of(linkedId),
        row -> row.getLong("agent_user_id") != null);
  }

  private static JsonObject wrapUp(String linkedId, String code, String note) {
    return new JsonObject().put("linkedId", linkedId).put("code", code).put("note", note);
  }

  private Future<Row> callLog(String linkedId) {
    return node.query(
            "SELECT id, agent_user_id, customer_id, disposition, notes FROM call_logs"
                + " WHERE server_id = 'pbx1' AND linked_id = $1",
            Tuple.of(linkedId))
        .map(rows -> rows.iterator().next());
  }

  private Future<List<String>> dispositions() {
    return node.query(
            "SELECT customer_id, call_log_id, code, note, user_id FROM call_dispositions ORDER BY id",
            Tuple.tuple())
        .map(
            rows -> {
              List<String> all = new ArrayList<>();
              for (Row row : rows) {
                all.add(
                    row.getLong("customer_id")
                        + " "
                        + row.getLong("call_log_id")
                        + " "
                        + row.getString("code")
                        + " "
                        + row.getString("note")
                        + " "
                        + row.getLong("user_id"));
              }
              return all;
            });
  }

  private Future<List<String>> timeline() {
    return node.query(
            "SELECT kind, user_id, summary FROM customer_interactions WHERE customer_id = $1"
                + " ORDER BY kind",
            Tuple.of(customer))
        .map(
            rows -> {
              List<String> all = new ArrayList<>();
              for (Row row : rows) {
                all.add(
                    row.getString("kind")
                        + " "
                        + row.getLong("user_id")
                        + " "
                        + row.getString("summary"));
              }
              return all;
            });
  }

  @Test
  void aWrapUpDuringTheCallLandsOnTheCallLogWhenTheLogIsWrittenLater(VertxTestContext ctx) {
    String call = "1700000100.1";
    aliceAnswers(call);
    node.command(
            alice,
            CallMessages.WRAPUP,
            wrapUp(call, "sale", "card paid").put("customerId", customer))
        .compose(
            reply -> {
              ctx.verify(
                  () ->
                      assertThat(reply.getJsonObject("data"))
                          .isEqualTo(
                              new JsonObject()
                                  .put("serverId", "pbx1")
                                  .put("linkedId", call)
                                  .put("code", "sale")
                                  .put("customerId", customer)
                                  .put("callLogged", false)));
              return dispositions();
            })
        .compose(
            waiting -> {
              ctx.verify(
                  () ->
                      assertThat(waiting)
                          .containsExactly(customer + " null sale card paid " + alice));
              return callEnds(call);
            })
        .compose(credited -> node.writeCallLog("pbx1", call, "answered"))
        .compose(written -> callLog(call))
        .compose(
            log -> {
              ctx.verify(
                  () -> {
                    assertThat(log.getLong("agent_user_id")).isEqualTo(alice);
                    assertThat(log.getLong("customer_id")).isEqualTo(customer);
                    assertThat(log.getString("disposition")).isEqualTo("sale");
                    assertThat(log.getString("notes")).isEqualTo("card paid");
                  });
              long logId = log.getLong("id");
              return dispositions().map(rows -> rows.stream().map(r -> r + " @" + logId).toList());
            })
        .compose(
            linked -> {
              ctx.verify(
                  () -> {
                    String[] parts = linked.get(0).split(" @");
                    assertThat(parts[0])
                        .isEqualTo(customer + " " + parts[1] + " sale card paid " + alice);
                    assertThat(linked).hasSize(1);
                  });
              return timeline();
            })
        .onComplete(
            ctx.succeeding(
                timeline ->
                    ctx.verify(
                        () -> {
                          assertThat(timeline)
                              .containsExactly(
                                  "call " + alice + " inbound answered",
                                  "disposition " + alice + " sale: card paid");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aWrapUpAfterTheCallEndedButBeforeItsLogWaitsForTheLog(VertxTestContext ctx) {
    String call = "1700000100.2";
    aliceAnswers(call);
    callEnds(call)
        .compose(
            credited ->
                node.command(
                    alice,
                    CallMessages.WRAPUP,
                    wrapUp(call, "information_given", "").put("customerId", customer)))
        .compose(
            reply -> {
              ctx.verify(
                  () -> assertThat(reply.getJsonObject("data").getBoolean("callLogged")).isFalse());
              return node.writeCallLog("pbx1", call, "answered");
            })
        .compose(written -> callLog(call))
        .compose(
            log -> {
              ctx.verify(
                  () -> {
                    assertThat(log.getString("disposition")).isEqualTo("information_given");
                    assertThat(log.getLong("agent_user_id")).isEqualTo(alice);
                  });
              return timeline();
            })
        .onComplete(
            ctx.succeeding(
                timeline ->
                    ctx.verify(
                        () -> {
                          assertThat(timeline)
                              .containsExactly(
                                  "call " + alice + " inbound answered",
                                  "disposition " + alice + " information_given");
                          ctx.completeNow();
                        })));
  }

  @Test
  void aWrapUpAfterTheCallLogUpdatesItAtOnceAndASecondOneReplacesTheFirst(VertxTestContext ctx) {
    String call = "1700000100.3";
    aliceAnswers(call);
    // The writer is faster than the credit: the call log exists before alice is credited.
    node.writeCallLog("pbx1", call, "answered")
        .compose(written -> callEnds(call))
        .compose(
            credited ->
                node.eventually(
                    "SELECT agent_user_id FROM call_logs WHERE linked_id = $1",
                    Tuple.of(call),
                    row -> row.getLong("agent_user_id") != null))
        .compose(
            log -> {
              ctx.verify(() -> assertThat(log.getLong("agent_user_id")).isEqualTo(alice));
              return node.command(
                  alice, CallMessages.WRAPUP, wrapUp(call, "not_interested", "no budget"));
            })
        .compose(
            first -> {
              ctx.verify(
                  () -> {
                    assertThat(first.getJsonObject("data").getBoolean("callLogged")).isTrue();
                    assertThat(first.getJsonObject("data").getValue("customerId")).isNull();
                  });
              return callLog(call).compose(log -> dispositions().map(d -> List.of(log, d)));
            })
        .compose(
            afterFirst -> {
              ctx.verify(
                  () -> {
                    Row log = (Row) afterFirst.get(0);
                    assertThat(log.getString("disposition")).isEqualTo("not_interested");
                    assertThat(log.getString("notes")).isEqualTo("no budget");
                    // No customer known: nothing for a timeline.
                    assertThat((List<?>) afterFirst.get(1)).isEmpty();
                  });
              return node.command(
                  alice,
                  CallMessages.WRAPUP,
                  wrapUp(call, "sale", "changed mind").put("customerId", customer));
            })
        .compose(
            second ->
                node.command(
                    alice,
                    CallMessages.WRAPUP,
                    wrapUp(call, "callback_requested", "call back friday")))
        .compose(third -> callLog(call).compose(log -> dispositions().map(d -> List.of(log, d))))
        .onComplete(
            ctx.succeeding(
                afterThird ->
                    ctx.verify(
                        () -> {
                          Row log = (Row) afterThird.get(0);
                          assertThat(log.getString("disposition")).isEqualTo("callback_requested");
                          assertThat(log.getString("notes")).isEqualTo("call back friday");
                          assertThat(log.getLong("customer_id")).isEqualTo(customer);
                          // One disposition per call, updated in place, for the call's customer.
                          assertThat(afterThird.get(1))
                              .isEqualTo(
                                  List.of(
                                      customer
                                          + " "
                                          + log.getLong("id")
                                          + " callback_requested call back friday "
                                          + alice));
                          ctx.completeNow();
                        })));
  }

  @Test
  void anAnsweredCallIsCreditedToItsAgentWithoutAWrapUp(VertxTestContext ctx) {
    String call = "1700000100.4";
    aliceAnswers(call);
    callEnds(call)
        .compose(credited -> node.writeCallLog("pbx1", call, "answered"))
        .compose(written -> callLog(call))
        .onComplete(
            ctx.succeeding(
                log ->
                    ctx.verify(
                        () -> {
                          assertThat(log.getLong("agent_user_id")).isEqualTo(alice);
                          assertThat(log.getString("disposition")).isNull();
                          assertThat(log.getString("notes")).isEmpty();
                          ctx.completeNow();
                        })));
  }

  @Test
  void badWrapUpsAreRefusedAndOnlyTheAgentOrASupervisorMayWrapUp(VertxTestContext ctx) {
    String call = "1700000100.5";
    aliceAnswers(call);
    callEnds(call)
        .compose(
            credited ->
                refused(node.command(alice, CallMessages.WRAPUP, wrapUp(call, "jackpot", ""))))
        .compose(
            unknownCode -> {
              ctx.verify(() -> assertRefused(unknownCode, 400, "'code'", "jackpot"));
              return refused(node.command(alice, CallMessages.WRAPUP, wrapUp(call, "Sale!", "")));
            })
        .compose(
            badCode -> {
              ctx.verify(() -> assertRefused(badCode, 400, "'code'", "Sale!"));
              return node.query(
                  "UPDATE disposition_codes SET active = false WHERE code = 'wrong_number'",
                  Tuple.tuple());
            })
        .compose(
            retired ->
                refused(node.command(alice, CallMessages.WRAPUP, wrapUp(call, "wrong_number", ""))))
        .compose(
            inactive -> {
              ctx.verify(() -> assertRefused(inactive, 400, "'code'", "no longer in use"));
              return refused(
                  node.command(
                      alice,
                      CallMessages.WRAPUP,
                      wrapUp(call, "sale", "").put("customerId", 999_999)));
            })
        .compose(
            noCustomer -> {
              ctx.verify(() -> assertRefused(noCustomer, 400, "'customerId'", "999999"));
              return refused(
                  node.command(alice, CallMessages.WRAPUP, wrapUp(call, "sale", "x".repeat(2001))));
            })
        .compose(
            longNote -> {
              ctx.verify(() -> assertRefused(longNote, 400, "'note'", "2000"));
              return refused(node.command(alice, CallMessages.WRAPUP, new JsonObject()));
            })
        .compose(
            noLinkedId -> {
              ctx.verify(() -> assertRefused(noLinkedId, 400, "'linkedId' is required"));
              return refused(
                  node.command(alice, CallMessages.WRAPUP, wrapUp("1600000000.9", "sale", "")));
            })
        .compose(
            unknownCall -> {
              ctx.verify(() -> assertRefused(unknownCall, 404, "1600000000.9"));
              return refused(node.command(bob, CallMessages.WRAPUP, wrapUp(call, "sale", "")));
            })
        .compose(
            notHis -> {
              ctx.verify(() -> assertRefused(notHis, 403, "not handled by you"));
              return node.command(
                  bob, "supervisor", CallMessages.WRAPUP, wrapUp(call, "sale", "fixed"));
            })
        .compose(
            bySupervisor ->
                node.query(
                    "SELECT agent_user_id, wrapped_up_by, disposition FROM call_wrapups"
                        + " WHERE linked_id = $1",
                    Tuple.of(call)))
        .onComplete(
            ctx.succeeding(
                rows ->
                    ctx.verify(
                        () -> {
                          Row row = rows.iterator().next();
                          assertThat(row.getLong("agent_user_id")).isEqualTo(alice);
                          assertThat(row.getLong("wrapped_up_by")).isEqualTo(bob);
                          assertThat(row.getString("disposition")).isEqualTo("sale");
                          ctx.completeNow();
                        })));
  }
}
