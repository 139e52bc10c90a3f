package io.switchboard.deploy.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CRM part of a screen pop measured on its own, on the same node at the same time: every {@code
 * 1000 / perSecond} ms (one at a time) a lookup by a random customer's number over REST and then
 * that customer's 360 view, as the admin. It costs what the pop's CRM step costs plus HTTP and the
 * token check, so it bounds that step from above. Runs on one Vert.x context.
 */
final class CrmProbe {

  private final Vertx vertx;
  private final HttpClient http;
  private final String token;
  private final int customers;
  private final long periodMillis;
  private final SplittableRandom random = new SplittableRandom(7);
  private final AtomicLong errors = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicReference<String> firstError =
      new java.util.concurrent.atomic.AtomicReference<>();
  private final LatencySamples lookups = new LatencySamples(100_000);
  private final LatencySamples popData = new LatencySamples(100_000);
  private volatile boolean measuring;
  private long timer = -1;
  private boolean busy;

  CrmProbe(Vertx vertx, int port, String token, int customers, double perSecond) {
    this.vertx = vertx;
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
    this.token = token;
    this.customers = customers;
    this.periodMillis = Math.max(1, Math.round(1000 / perSecond));
  }

  void start() {
    vertx.runOnContext(v -> timer = vertx.setPeriodic(periodMillis, id -> tick()));
  }

  Future<Void> stop() {
    vertx.runOnContext(v -> vertx.cancelTimer(timer));
    return http.close();
  }

  /** Whether finished probes are recorded (the warm-up's are not). */
  void measure(boolean on) {
    this.measuring = on;
  }

  LatencySamples lookups() {
    return lookups;
  }

  LatencySamples lookupAnd360() {
    return popData;
  }

  long errors() {
    return errors.get();
  }

  /** The first failure's message, or null. */
  String firstError() {
    return firstError.get();
  }

  private void tick() {
    if (busy) {
      return;
    }
    busy = true;
    long started = System.nanoTime();
    String phone = BenchScenario.callerNumber(1 + random.nextInt(customers)).substring(1);
    get("/api/v1/customers/lookup?phone=%2B" + phone)
        .compose(
            found -> {
              if (measuring) {
                lookups.add(System.nanoTime() - started);
              }
              JsonArray matches = found.getJsonArray("matches", new JsonArray());
              if (matches.isEmpty()) {
                return Future.failedFuture("no customer for +" + phone);
              }
              long customerId = matches.getJsonObject(0).getLong("customerId");
              return get("/api/v1/customers/" + customerId + "/360");
            })
        .onComplete(
            ar -> {
              busy = false;
              if (ar.succeeded()) {
                if (measuring) {
                  popData.add(System.nanoTime() - started);
                }
              } else if (measuring) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, ar.cause().getMessage());
              }
            });
  }

  private Future<JsonObject> get(String uri) {
    return http.request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI(uri)
                .putHeader("authorization", "Bearer " + token))
        .compose(request -> request.send())
        .compose(
            response ->
                response
                    .body()
                    .map(
                        body -> {
                          if (response.statusCode() != 200) {
                            throw new IllegalStateException(
                                uri + ": " + response.statusCode() + " " + body);
                          }
                          return body.toJsonObject();
                        }));
  }
}
