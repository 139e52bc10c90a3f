package io.switchboard.agentws.screenpop;

import static io.switchboard.agentws.agent.AgentEvents.answered;
import static io.switchboard.agentws.agent.AgentEvents.ended;
import static io.switchboard.agentws.agent.AgentEvents.offered;
import static io.switchboard.agentws.testbus.AgentNode.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.agentws.ConsoleBusAddresses;
import io.switchboard.agentws.testbus.AgentNode;
import io.switchboard.agentws.testbus.Inbox;
import io.switchboard.core.call.CallQueued;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The screen pop over the event bus: the CRM is a test consumer answering fixed data at the {@code
 * crm.customer.lookup} / {@code crm.customer.card} boundary (crm-api tests its own side).
 */
@ExtendWith(VertxExtension.class)
class ScreenPopIT {

  private static final String CALLER = "+8613800138000";

  private AgentNode node;
  private final List<JsonObject> lookups = new ArrayList<>();
  private final List<JsonObject> cards = new ArrayList<>();
  private final Promise<JsonObject> released = Promise.promise();
  private JsonArray matches = new JsonArray();

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    node = new AgentNode(vertx);
    node.start().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    node.close().onComplete(ctx.succeedingThenComplete());
  }

  @AfterEach
  void drop() {
    node.drop();
  }

  private Future<Void> crm() {
    Future<Void> lookup =
        node.vertx
            .eventBus()
            .<JsonObject>consumer(
                ConsoleBusAddresses.CRM_CUSTOMER_LOOKUP,
                message -> {
                  lookups.add(message.body());
                  message.reply(new JsonObject().put("matches", matches));
                })
            .completion();
    Future<Void> card =
        node.vertx
            .eventBus()
            .<JsonObject>consumer(
                ConsoleBusAddresses.CRM_CUSTOMER_CARD,
                message -> {
                  cards.add(message.body());
                  message.reply(
                      new JsonObject()
                          .put(
                              "customer",
                              new JsonObject()
                                  .put("id", message.body().getLong("customerId"))
                                  .put("name", "Li Lei"))
                          .put("openTickets", new JsonArray().add(new JsonObject().put("id", 5))));
                })
            .completion();
    Future<Void> release =
        node.vertx
            .eventBus()
            .<JsonObject>consumer(
                ConsoleBusAddresses.CRM_CUSTOMER_RELEASE,
                message -> {
                  released.tryComplete(message.body());
                  message.reply(new JsonObject().put("released", true));
                })
            .completion();
    return Future.all(lookup, card, release).mapEmpty();
  }

  private static JsonObject match(long customerId, String name) {
    return new JsonObject().put("customerId", customerId).put("name", name);
  }

  /** Logs {@code name} in on {@code phone} to sales; the inbox of that user. */
  private Future<Long> agent(String name, String phone, List<Inbox> inboxes) {
    return node.user(name)
        .compose(
            id ->
                Inbox.open(node.vertx.eventBus(), ConsoleBusAddresses.toUser(id))
                    .compose(
                        inbox -> {
                          inboxes.add(inbox);
                          return node.command(
                              id,
                              ConsoleBusAddresses.AGENT_LOGIN,
                              new JsonObject()
                                  .put("interface", phone)
                                  .put("queues", new JsonArray().add("sales")));
                        })
                    .map(ready -> id));
  }

  private void queued(String linkedId, long secondsBeforeT0) {
    node.publish(
        new CallQueued(
            "pbx1",
            linkedId,
            "call-" + linkedId,
            "sales",
            1,
            CALLER,
            "Caller",
            null,
            T0.minusSeconds(secondsBeforeT0)));
  }

  @Test
  void oneMatchShowsTheCardThenTheAnswerUpdatesItAndTheEndOfWrapUpClosesIt(VertxTestContext ctx) {
    matches = new JsonArray().add(match(42, "Li Lei"));
    List<Inbox> inboxes = new ArrayList<>();
    long[] alice = new long[1];
    crm()
        .compose(ready -> agent("alice", "PJSIP/1001", inboxes))
        .compose(
            id -> {
              alice[0] = id;
              queued("L1", 12);
              node.publish(offered("L1", "sales", "PJSIP/1001"));
              return inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_SHOW);
            })
        .compose(
            show -> {
              ctx.verify(
                  () -> {
                    JsonObject call = show.getJsonObject("call");
                    assertThat(call.getString("linkedId")).isEqualTo("L1");
                    assertThat(call.getString("callerNumber")).isEqualTo(CALLER);
                    assertThat(call.getString("queue")).isEqualTo("sales");
                    assertThat(call.getLong("waitedMs")).isEqualTo(12_000L);
                    assertThat(show.getJsonArray("matches")).hasSize(1);
                    assertThat(
                            show.getJsonObject("customer")
                                .getJsonObject("customer")
                                .getString("name"))
                        .isEqualTo("Li Lei");
                    assertThat(show.containsKey("quickCreate")).isFalse();
                    assertThat(lookups)
                        .containsExactly(
                            new JsonObject().put("phone", CALLER).put("userId", alice[0]));
                    assertThat(cards)
                        .containsExactly(
                            new JsonObject().put("customerId", 42L).put("userId", alice[0]));
                  });
              node.publish(answered("L1", "sales", "PJSIP/1001"));
              return inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_UPDATE);
            })
        .compose(
            update -> {
              ctx.verify(
                  () -> {
                    assertThat(update.getJsonObject("call").getString("linkedId")).isEqualTo("L1");
                    assertThat(update.getJsonObject("call").getBoolean("answered")).isTrue();
                  });
              node.publish(ended("L1", "sales", "PJSIP/1001"));
              return inboxes
                  .get(0)
                  .next(ConsoleBusAddresses.AGENT_STATE_CHANGED)
                  .compose(ignored -> waitFor(inboxes.get(0), "wrap_up"));
            })
        .compose(
            wrapUp -> {
              ctx.verify(
                  () ->
                      assertThat(inboxes.get(0).types())
                          .doesNotContain(ConsoleBusAddresses.SCREENPOP_CLOSE));
              return node.command(
                  alice[0], ConsoleBusAddresses.AGENT_WRAPUP_DONE, new JsonObject());
            })
        .compose(done -> inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_CLOSE))
        .compose(close -> released.future().map(release -> List.of(close, release)))
        .onComplete(
            ctx.succeeding(
                closeAndRelease ->
                    ctx.verify(
                        () -> {
                          JsonObject close = closeAndRelease.get(0);
                          assertThat(close.getJsonObject("call").getString("linkedId"))
                              .isEqualTo("L1");
                          assertThat(closeAndRelease.get(1))
                              .isEqualTo(
                                  new JsonObject().put("userId", alice[0]).put("customerId", 42L));
                          ctx.completeNow();
                        })));
  }

  private Future<JsonObject> openPop(long userId) {
    return node.vertx
        .eventBus()
        .<JsonObject>request(
            ConsoleBusAddresses.SCREENPOP_QUERY, new JsonObject().put("userId", userId))
        .map(reply -> reply.body().getJsonObject("screenPop"));
  }

  @Test
  void theOpenPopIsAnsweredToAQueryWithItsUpdatesUntilItCloses(VertxTestContext ctx) {
    matches = new JsonArray().add(match(42, "Li Lei"));
    List<Inbox> inboxes = new ArrayList<>();
    long[] alice = new long[1];
    JsonObject[] shown = new JsonObject[1];
    crm()
        .compose(ready -> agent("alice", "PJSIP/1001", inboxes))
        .compose(
            id -> {
              alice[0] = id;
              return openPop(id);
            })
        .compose(
            none -> {
              ctx.verify(() -> assertThat(none).isNull());
              node.publish(offered("L1", "sales", "PJSIP/1001"));
              return inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_SHOW);
            })
        .compose(
            show -> {
              shown[0] = show;
              return openPop(alice[0]);
            })
        .compose(
            open -> {
              ctx.verify(() -> assertThat(open).isEqualTo(shown[0]));
              node.publish(answered("L1", "sales", "PJSIP/1001"));
              return inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_UPDATE);
            })
        .compose(update -> openPop(alice[0]))
        .compose(
            answered -> {
              ctx.verify(
                  () -> {
                    assertThat(answered.getJsonObject("call").getBoolean("answered")).isTrue();
                    assertThat(answered.getJsonObject("call").getString("callerNumber"))
                        .isEqualTo(CALLER);
                    assertThat(answered.getJsonObject("customer"))
                        .isEqualTo(shown[0].getJsonObject("customer"));
                  });
              node.publish(ended("L1", "sales", "PJSIP/1001"));
              return waitFor(inboxes.get(0), "wrap_up");
            })
        .compose(
            wrapUp ->
                node.command(alice[0], ConsoleBusAddresses.AGENT_WRAPUP_DONE, new JsonObject()))
        .compose(done -> inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_CLOSE))
        .compose(close -> openPop(alice[0]))
        .compose(
            closed -> {
              ctx.verify(() -> assertThat(closed).isNull());
              return node.vertx
                  .eventBus()
                  .request(ConsoleBusAddresses.SCREENPOP_QUERY, new JsonObject())
                  .map(answered -> "answered without a user")
                  .recover(refused -> Future.succeededFuture(refused.getMessage()));
            })
        .onComplete(
            ctx.succeeding(
                noUser ->
                    ctx.verify(
                        () -> {
                          assertThat(noUser).contains("'userId'");
                          ctx.completeNow();
                        })));
  }

  /** The next agent.state.changed push with {@code state}, skipping others. */
  private static Future<JsonObject> waitFor(Inbox inbox, String state) {
    return inbox
        .next(ConsoleBusAddresses.AGENT_STATE_CHANGED)
        .compose(
            data ->
                state.equals(data.getString("state"))
                    ? Future.succeededFuture(data)
                    : waitFor(inbox, state));
  }

  @Test
  void noMatchOffersAQuickCreateWithTheNumberAndSeveralMatchesLetTheAgentPick(
      VertxTestContext ctx) {
    List<Inbox> inboxes = new ArrayList<>();
    crm()
        .compose(ready -> agent("alice", "PJSIP/1001", inboxes))
        .compose(ready -> agent("bob", "PJSIP/1002", inboxes))
        .compose(
            ready -> {
              node.publish(offered("L1", "sales", "PJSIP/1001"));
              return inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_SHOW);
            })
        .compose(
            none -> {
              ctx.verify(
                  () -> {
                    assertThat(none.getJsonArray("matches")).isEmpty();
                    assertThat(none.getJsonObject("quickCreate").getString("phone"))
                        .isEqualTo(CALLER);
                    assertThat(none.containsKey("customer")).isFalse();
                  });
              matches = new JsonArray().add(match(1, "Han Meimei")).add(match(2, "Han Meimei Ltd"));
              node.publish(offered("L2", "sales", "PJSIP/1002"));
              return inboxes.get(1).next(ConsoleBusAddresses.SCREENPOP_SHOW);
            })
        .onComplete(
            ctx.succeeding(
                several ->
                    ctx.verify(
                        () -> {
                          assertThat(several.getJsonArray("matches")).hasSize(2);
                          assertThat(several.containsKey("customer")).isFalse();
                          assertThat(several.containsKey("quickCreate")).isFalse();
                          assertThat(cards).isEmpty();
                          ctx.completeNow();
                        })));
  }

  @Test
  void withoutAnAnsweringCrmThePopStillShowsTheCallAndSaysTheLookupFailed(VertxTestContext ctx) {
    List<Inbox> inboxes = new ArrayList<>();
    agent("alice", "PJSIP/1001", inboxes)
        .compose(
            ready -> {
              node.publish(offered("L1", "sales", "PJSIP/1001"));
              return inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_SHOW);
            })
        .onComplete(
            ctx.succeeding(
                show ->
                    ctx.verify(
                        () -> {
                          assertThat(show.getJsonObject("call").getString("linkedId"))
                              .isEqualTo("L1");
                          assertThat(show.getJsonArray("matches")).isEmpty();
                          assertThat(show.getString("lookupError"))
                              .startsWith("customer lookup failed");
                          ctx.completeNow();
                        })));
  }

  @Test
  void whenAnotherAgentAnswersThePopOfTheAgentWhoAlsoRangCloses(VertxTestContext ctx) {
    List<Inbox> inboxes = new ArrayList<>();
    crm()
        .compose(ready -> agent("alice", "PJSIP/1001", inboxes))
        .compose(ready -> agent("bob", "PJSIP/1002", inboxes))
        .compose(
            ready -> {
              node.publish(offered("L1", "sales", "PJSIP/1001"));
              node.publish(offered("L1", "sales", "PJSIP/1002"));
              return inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_SHOW);
            })
        .compose(
            show -> {
              node.publish(answered("L1", "sales", "PJSIP/1002"));
              return inboxes.get(0).next(ConsoleBusAddresses.SCREENPOP_CLOSE);
            })
        .compose(close -> inboxes.get(1).next(ConsoleBusAddresses.SCREENPOP_UPDATE))
        .onComplete(
            ctx.succeeding(
                update ->
                    ctx.verify(
                        () -> {
                          assertThat(inboxes.get(0).types())
                              .doesNotContain(ConsoleBusAddresses.SCREENPOP_UPDATE);
                          assertThat(inboxes.get(1).types())
                              .doesNotContain(ConsoleBusAddresses.SCREENPOP_CLOSE);
                          ctx.completeNow();
                        })));
  }
}
