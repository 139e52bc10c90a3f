package io.switchboard.crm.bench;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a fixed number of lookups in flight against the API for a while and records each one's
 * latency. Each in-flight slot sends its next request when the last one answers (closed loop).
 */
final class HttpLoad {

  private final Vertx vertx;
  private final int port;
  private final BenchOptions options;

  HttpLoad(Vertx vertx, int port, BenchOptions options) {
    this.vertx = vertx;
    this.port = port;
    this.options = options;
  }

  BenchResult run(Duration duration) throws Exception {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setPipelining(false),
            new PoolOptions().setHttp1MaxSize(options.inFlight()));
    long[][] latencies = {new long[1 << 20]};
    int[] count = {0};
    long[] errors = {0};
    long end = System.nanoTime() + duration.toNanos();
    Promise<Void> done = Promise.promise();
    int[] running = {options.inFlight()};
    // The client's callbacks all run on one event loop (the context below), so the counters
    // need no locks.
    vertx.runOnContext(
        start -> {
          for (int i = 0; i < options.inFlight(); i++) {
            next(client, latencies, count, errors, end, running, done);
          }
        });
    done.future()
        .toCompletionStage()
        .toCompletableFuture()
        .get(duration.toSeconds() + 60, TimeUnit.SECONDS);
    client.close();
    return BenchResult.of(latencies[0], count[0], duration.toNanos() / 1e9, errors[0]);
  }

  private void next(
      HttpClient client,
      long[][] latencies,
      int[] count,
      long[] errors,
      long end,
      int[] running,
      Promise<Void> done) {
    long now = System.nanoTime();
    if (now >= end) {
      if (--running[0] == 0) {
        done.complete();
      }
      return;
    }
    // 0086 + the national number: the API normalises it as it would a PBX caller ID.
    String phone =
        String.format("0086138%08d", 1 + ThreadLocalRandom.current().nextInt(options.customers()));
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/api/v1/customers/lookup?phone=" + phone);
    client
        .request(request)
        .compose(r -> r.send())
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(
            result -> {
              long micros = (System.nanoTime() - now) / 1000;
              if (result.succeeded() && result.result() == 200) {
                if (count[0] == latencies[0].length) {
                  latencies[0] = Arrays.copyOf(latencies[0], latencies[0].length * 2);
                }
                latencies[0][count[0]++] = micros;
              } else {
                errors[0]++;
              }
              next(client, latencies, count, errors, end, running, done);
            });
  }
}
