package io.switchboard.pbxsim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.pbxsim.AmiTestClient;
import io.switchboard.pbxsim.model.ActionHandler;
import io.switchboard.pbxsim.model.Replies;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AmiServerIT {

  /** Answers {@code Echo} with Success; everything else is unknown. */
  private static final ActionHandler ECHO =
      new ActionHandler() {
        @Override
        public boolean knows(String action) {
          return action.equalsIgnoreCase("Echo");
        }

        @Override
        public CompletionStage<Void> handle(AmiMessage action, Consumer<AmiMessage> reply) {
          reply.accept(Replies.success(action, "echo"));
          return CompletableFuture.completedFuture(null);
        }
      };

  private Future<AmiServer> start(Vertx vertx, Context context, AmiServerSettings settings) {
    Promise<AmiServer> started = Promise.promise();
    context.runOnContext(
        v -> {
          AmiServer server = new AmiServer(vertx, settings, ECHO);
          server.start().map(p -> server).onComplete(started);
        });
    return started.future();
  }

  private Future<AmiServer> start(Vertx vertx, Context context) {
    return start(vertx, context, AmiServerSettings.defaults(0).withFailedLoginDelayMillis(10));
  }

  @Test
  void bannerIsAsterisk18ByDefaultAndAsterisk20OnRequest(Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    start(vertx, context)
        .compose(s -> AmiTestClient.connect(vertx, s.port()))
        .compose(AmiTestClient::banner)
        .compose(
            b18 -> {
              ctx.verify(() -> assertThat(b18).isEqualTo("Asterisk Call Manager/7.0.3"));
              return start(
                  vertx,
                  context,
                  AmiServerSettings.defaults(0)
                      .withAmiVersion(AmiServerSettings.AMI_VERSION_ASTERISK_20));
            })
        .compose(s -> AmiTestClient.connect(vertx, s.port()))
        .compose(AmiTestClient::banner)
        .onComplete(
            ctx.succeeding(
                b20 -> {
                  assertThat(b20).isEqualTo("Asterisk Call Manager/9.0.0");
                  ctx.completeNow();
                }));
  }

  @Test
  void plainLoginIsAcceptedAndFollowedByFullyBooted(Vertx vertx, VertxTestContext ctx) {
    start(vertx, vertx.getOrCreateContext())
        .compose(s -> AmiTestClient.loggedIn(vertx, s.port(), null))
        .compose(c -> c.awaitEvent("FullyBooted").map(fb -> c))
        .onComplete(
            ctx.succeeding(
                c ->
                    ctx.verify(
                        () -> {
                          AmiMessage response = c.received().get(0);
                          assertThat(response.fields())
                              .extracting(e -> e.getKey() + ": " + e.getValue())
                              .containsExactly(
                                  "Response: Success",
                                  "ActionID: " + response.actionId(),
                                  "Message: Authentication accepted");
                          AmiMessage booted = c.received().get(1);
                          assertThat(booted.fields())
                              .extracting(e -> e.getKey())
                              .containsExactly(
                                  "Event", "Privilege", "Uptime", "LastReload", "Status");
                          assertThat(booted.get("Privilege")).isEqualTo("system,all");
                          ctx.completeNow();
                        })));
  }

  @Test
  void md5ChallengeLoginUsesLowerHexOfChallengeAndSecret(Vertx vertx, VertxTestContext ctx) {
    start(vertx, vertx.getOrCreateContext())
        .compose(s -> AmiTestClient.connect(vertx, s.port()))
        .compose(
            c ->
                c.request(AmiMessage.action("Challenge").with("AuthType", "MD5"))
                    .compose(
                        challenge -> {
                          ctx.verify(
                              () ->
                                  assertThat(challenge.fields())
                                      .extracting(e -> e.getKey())
                                      .containsExactly("Response", "ActionID", "Challenge"));
                          String key = SessionActions.md5Hex(challenge.get("Challenge") + "admin");
                          return c.request(
                              AmiMessage.action("Login")
                                  .with("AuthType", "MD5")
                                  .with("Username", "admin")
                                  .with("Key", key));
                        }))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertThat(r.name()).isEqualTo("Success");
                          assertThat(r.get("Message")).isEqualTo("Authentication accepted");
                          ctx.completeNow();
                        })));
  }

  @Test
  void failedLoginIsAnsweredThenTheConnectionCloses(Vertx vertx, VertxTestContext ctx) {
    start(vertx, vertx.getOrCreateContext())
        .compose(s -> AmiTestClient.connect(vertx, s.port()))
        .compose(
            c ->
                c.request(
                        AmiMessage.action("Login")
                            .with("Username", "admin")
                            .with("Secret", "wrong"))
                    .compose(r -> c.closed().map(v -> r)))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertThat(r.name()).isEqualTo("Error");
                          assertThat(r.get("Message")).isEqualTo("Authentication failed");
                          ctx.completeNow();
                        })));
  }

  @Test
  void actionsBeforeLoginArePermissionDeniedAndUnknownActionsNamedAsAsteriskDoes(
      Vertx vertx, VertxTestContext ctx) {
    start(vertx, vertx.getOrCreateContext())
        .compose(s -> AmiTestClient.connect(vertx, s.port()))
        .compose(
            c ->
                c.request(AmiMessage.action("Echo"))
                    .compose(
                        denied -> {
                          ctx.verify(
                              () -> {
                                assertThat(denied.name()).isEqualTo("Error");
                                assertThat(denied.get("Message")).isEqualTo("Permission denied");
                              });
                          return c.request(
                              AmiMessage.action("Login")
                                  .with("Username", "ADMIN")
                                  .with("Secret", "admin"));
                        })
                    .compose(ok -> c.request(AmiMessage.action("FooBar")))
                    .compose(
                        unknown -> {
                          ctx.verify(
                              () ->
                                  assertThat(unknown.get("Message"))
                                      .isEqualTo(
                                          "Invalid/unknown command: FooBar. Use Action:"
                                              + " ListCommands to show available commands."));
                          return c.request(AmiMessage.action("echo"));
                        }))
        .onComplete(
            ctx.succeeding(
                echo ->
                    ctx.verify(
                        () -> {
                          assertThat(echo.get("Message")).isEqualTo("echo");
                          assertThat(echo.actionId()).startsWith("t-");
                          ctx.completeNow();
                        })));
  }

  @Test
  void pingAndLogoffAnswerWithTheirActionIds(Vertx vertx, VertxTestContext ctx) {
    start(vertx, vertx.getOrCreateContext())
        .compose(s -> AmiTestClient.loggedIn(vertx, s.port(), "off"))
        .compose(
            c ->
                c.request(AmiMessage.action("Ping"))
                    .compose(
                        pong -> {
                          ctx.verify(
                              () -> {
                                assertThat(pong.fields())
                                    .extracting(e -> e.getKey())
                                    .containsExactly("Response", "ActionID", "Ping", "Timestamp");
                                assertThat(pong.get("Timestamp")).matches("\\d+\\.\\d{6}");
                              });
                          return c.request(AmiMessage.action("Logoff"));
                        })
                    .compose(bye -> c.closed().map(v -> bye)))
        .onComplete(
            ctx.succeeding(
                bye ->
                    ctx.verify(
                        () -> {
                          assertThat(bye.name()).isEqualTo("Goodbye");
                          assertThat(bye.get("Message")).isEqualTo("Thanks for all the fish.");
                          ctx.completeNow();
                        })));
  }

  @Test
  void eventsReachOnlySessionsWhoseMaskAdmitsTheirClass(Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    start(vertx, context)
        .compose(
            server ->
                AmiTestClient.loggedIn(vertx, server.port(), "agent")
                    .compose(
                        agentOnly ->
                            AmiTestClient.loggedIn(vertx, server.port(), "call,system")
                                .compose(
                                    callOnly ->
                                        callOnly
                                            .request(
                                                AmiMessage.action("Events")
                                                    .with("EventMask", "call"))
                                            .compose(
                                                r -> {
                                                  ctx.verify(
                                                      () ->
                                                          assertThat(r.get("Events"))
                                                              .isEqualTo("On"));
                                                  context.runOnContext(
                                                      v -> {
                                                        server.broadcast(
                                                            event("Newchannel", "call,all"));
                                                        server.broadcast(
                                                            event("AgentCalled", "agent,all"));
                                                        server.broadcast(
                                                            event("VarSet", "dialplan,all"));
                                                        server.broadcast(
                                                            event("Hangup", "call,all"));
                                                      });
                                                  return callOnly
                                                      .awaitEvent("Hangup")
                                                      .compose(
                                                          h -> agentOnly.awaitEvent("AgentCalled"))
                                                      .map(
                                                          x -> {
                                                            ctx.verify(
                                                                () -> {
                                                                  assertThat(callOnly.events())
                                                                      .extracting(AmiMessage::name)
                                                                      .containsExactly(
                                                                          "FullyBooted",
                                                                          "Newchannel",
                                                                          "Hangup");
                                                                  assertThat(agentOnly.events())
                                                                      .extracting(AmiMessage::name)
                                                                      .containsExactly(
                                                                          "AgentCalled");
                                                                });
                                                            return x;
                                                          });
                                                }))))
        .onComplete(ctx.succeeding(x -> ctx.completeNow()));
  }

  @Test
  void aClientThatStopsReadingIsDisconnected(Vertx vertx, VertxTestContext ctx) {
    Context context = vertx.getOrCreateContext();
    AmiServerSettings settings =
        AmiServerSettings.defaults(0).withBackPressure(100, 256 * 1024, 4096);
    NetClientOptions tinyWindow = new NetClientOptions().setReceiveBufferSize(4096);
    start(vertx, context, settings)
        .compose(
            server ->
                AmiTestClient.connect(vertx, server.port(), tinyWindow)
                    .compose(
                        c ->
                            c.request(
                                    AmiMessage.action("Login")
                                        .with("Username", "admin")
                                        .with("Secret", "admin"))
                                .map(r -> c))
                    .compose(
                        c -> {
                          c.socket().pause();
                          Promise<Void> dropped = Promise.promise();
                          flood(context, server, dropped, 0);
                          return dropped.future().map(v -> c);
                        })
                    .compose(
                        c -> {
                          c.socket().resume();
                          return c.closed().map(v -> server);
                        }))
        .onComplete(
            ctx.succeeding(
                server ->
                    ctx.verify(
                        () -> {
                          assertThat(server.slowSessionsDropped()).isEqualTo(1);
                          assertThat(server.sessionCount()).isZero();
                          ctx.completeNow();
                        })));
  }

  /**
   * Sends events in small batches, one batch per context turn, until the server drops the reader.
   */
  private static void flood(Context context, AmiServer server, Promise<Void> dropped, int round) {
    context.runOnContext(
        v -> {
          for (int i = 0; i < 200; i++) {
            server.broadcast(event("QueueMemberStatus", "agent,all"));
          }
          if (server.slowSessionsDropped() > 0) {
            dropped.tryComplete();
          } else if (round > 100_000) {
            dropped.tryFail("the reader was never dropped");
          } else {
            context.owner().setTimer(1, id -> flood(context, server, dropped, round + 1));
          }
        });
  }

  private static AmiMessage event(String name, String privilege) {
    return AmiMessage.event(name)
        .with("Privilege", privilege)
        .with("Queue", "support")
        .with("Padding", "x".repeat(300))
        .build();
  }
}
