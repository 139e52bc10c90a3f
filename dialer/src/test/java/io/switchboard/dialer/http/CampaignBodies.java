package io.switchboard.dialer.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Campaign bodies for the integration tests; each name is new, so tests never collide. */
final class CampaignBodies {

  private CampaignBodies() {}

  /** A progressive US campaign, 09:00-21:00 every day, to the queue "sales". */
  static JsonObject progressive() {
    return new JsonObject()
        .put("name", unique("campaign"))
        .put("mode", "progressive")
        .put("queue", "sales")
        .put("callerId", "+86 10 6552 9988")
        .put(
            "callingWindow",
            new JsonObject()
                .put("start", "09:00")
                .put("end", "21:00")
                .put(
                    "days",
                    new JsonArray(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"))))
        .put("accounting", "us")
        .put("abandonMessage", "abandon-notice");
  }

  static String unique(String prefix) {
    return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }

  /** A fresh valid Chinese mobile number, so that tests never share numbers. */
  static String mobile() {
    return "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }
}
