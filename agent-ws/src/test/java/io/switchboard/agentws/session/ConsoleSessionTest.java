package io.switchboard.agentws.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.console.VerifiedUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session whose socket the peer closed while a push was on its way: Vert.x throws "WebSocket is
 * closed" from every write-side call then, and the session must end quietly instead. The socket is
 * a stand-in answering only the calls the session makes, so the race is hit every time.
 */
class ConsoleSessionTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void aPushToASocketClosedUnderTheSessionEndsItWithoutThrowing() {
    AtomicBoolean closed = new AtomicBoolean(true);
    List<String> calls = new ArrayList<>();
    ConsoleSession session = sessionOn(closedSocket(closed, calls));

    session.write("{\"type\":\"call.offered\"}");

    assertTrue(session.closed(), "the session ends when its socket is found closed");
    assertTrue(calls.stream().noneMatch(call -> call.startsWith("write")), calls.toString());
  }

  @Test
  void aSocketClosingBetweenTheCheckAndTheWriteEndsTheSessionToo() {
    AtomicBoolean closed = new AtomicBoolean(false);
    List<String> calls = new ArrayList<>();
    ConsoleSession session = sessionOn(closingSocket(closed, calls));

    session.write("{\"type\":\"call.offered\"}");

    assertTrue(session.closed(), "the session ends when Vert.x reports the socket closed");
    assertEquals(List.of("isClosed", "writeQueueFull", "isClosed"), calls);
  }

  private ConsoleSession sessionOn(ServerWebSocket socket) {
    VerifiedUser user = new VerifiedUser(7, "agent7", List.of("agent"));
    UserStream stream = new UserStream(7, new ReplayBuffer(16, 60_000), 0);
    ConsoleSession session =
        new ConsoleSession(
            socket,
            user,
            stream,
            vertx.getOrCreateContext(),
            8,
            new ConsoleMetrics(new SimpleMeterRegistry()));
    stream.add(session);
    return session;
  }

  /**
   * A socket the peer closed before the push: isClosed() says so, write calls throw as Vert.x's.
   */
  private static ServerWebSocket closedSocket(AtomicBoolean closed, List<String> calls) {
    return socket(closed, calls, false);
  }

  /**
   * Open at the first look, closed by the time of the write-queue check (the race seen in load).
   */
  private static ServerWebSocket closingSocket(AtomicBoolean closed, List<String> calls) {
    return socket(closed, calls, true);
  }

  private static ServerWebSocket socket(
      AtomicBoolean closed, List<String> calls, boolean closesAfterFirstLook) {
    return (ServerWebSocket)
        Proxy.newProxyInstance(
            ServerWebSocket.class.getClassLoader(),
            new Class<?>[] {ServerWebSocket.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "equals":
                  return proxy == args[0];
                default:
                  calls.add(method.getName());
              }
              switch (method.getName()) {
                case "isClosed":
                  boolean wasClosed = closed.get();
                  if (closesAfterFirstLook) {
                    closed.set(true);
                  }
                  return wasClosed;
                default:
                  if (closed.get()) {
                    throw new IllegalStateException("WebSocket is closed");
                  }
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }
}
