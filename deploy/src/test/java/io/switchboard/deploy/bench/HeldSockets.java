package io.switchboard.deploy.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * One server's side of the connection benchmark: its used heap after full collections, then as many
 * idle WebSockets as it accepts, then its heap again, with the sockets still open; then they are
 * closed. Blocking: main thread only.
 */
final class HeldSockets {

  long asked;
  long held;
  long failed;
  String firstFailure;
  double openSeconds;
  long heapBefore;
  long heapAfter;
  String whileOpen = "";
  String loadAverage = "";

  private HeldSockets() {}

  static HeldSockets measure(
      Vertx vertx,
      long serverPid,
      int count,
      int inFlight,
      IntFunction<WebSocketConnectOptions> target,
      boolean awaitFirstFrame,
      Callable<String> whileOpen)
      throws Exception {
    HeldSockets result = new HeldSockets();
    result.asked = count;
    result.heapBefore = HeapProbe.usedAfterGc(serverPid);
    IdleSocketFleet fleet = new IdleSocketFleet(vertx, count);
    long started = System.nanoTime();
    int opened = Blocking.await(fleet.open(count, inFlight, target, awaitFirstFrame), 1800);
    result.openSeconds = (System.nanoTime() - started) / 1e9;
    Thread.sleep(2_000);
    result.heapAfter = HeapProbe.usedAfterGc(serverPid);
    result.loadAverage = MachineLoad.oneMinute();
    result.whileOpen = whileOpen.call();
    result.held = opened - fleet.closedByServer();
    result.failed = fleet.failed();
    result.firstFailure = fleet.firstFailure();
    Blocking.await(fleet.close(), 120);
    return result;
  }

  static String header() {
    return String.format(
        "%-48s %8s %8s %8s %11s %11s %13s %6s",
        "server", "held", "failed", "open s", "heap before", "heap after", "heap/socket", "load");
  }

  String row(String label) {
    double perSocket = held == 0 ? 0 : (heapAfter - heapBefore) / (double) held;
    return String.format(
            "%-48s %8d %8d %8.1f %9.1f MB %9.1f MB %9.1f KiB %6s",
            label,
            held,
            failed,
            openSeconds,
            heapBefore / 1048576.0,
            heapAfter / 1048576.0,
            perSocket / 1024,
            loadAverage)
        + (firstFailure == null ? "" : "\n    first failure: " + firstFailure);
  }
}
