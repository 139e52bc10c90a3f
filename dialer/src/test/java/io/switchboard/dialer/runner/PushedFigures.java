package io.switchboard.dialer.runner;

import io.switchboard.core.console.ConsoleAddresses;
import io.switchboard.core.dialer.DialerAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a supervisor's console would show: the latest campaign figures pushed in {@value
 * DialerAddresses#CAMPAIGNS_UPDATE} to {@code console.to.role.supervisor}, by campaign id.
 */
final class PushedFigures {

  private final Map<Long, JsonObject> latest = new ConcurrentHashMap<>();
  private final MessageConsumer<JsonObject> consumer;

  private PushedFigures(Vertx vertx) {
    consumer =
        vertx
            .eventBus()
            .consumer(
                ConsoleAddresses.toRole(ConsoleAddresses.ROLE_SUPERVISOR),
                message -> {
                  if (DialerAddresses.CAMPAIGNS_UPDATE.equals(message.body().getString("type"))) {
                    message.body().getJsonObject("data").getJsonArray("campaigns").stream()
                        .map(JsonObject.class::cast)
                        .forEach(figures -> latest.put(figures.getLong("campaignId"), figures));
                  }
                });
  }

  static Future<PushedFigures> listen(Vertx vertx) {
    PushedFigures pushed = new PushedFigures(vertx);
    return pushed.consumer.completion().map(pushed);
  }

  /** The latest figures pushed for the campaign, or null. */
  JsonObject of(long campaignId) {
    return latest.get(campaignId);
  }

  /** The runner's answer to {@value DialerAddresses#FIGURES_QUERY} for one campaign. */
  static Future<JsonObject> ask(Vertx vertx, long campaignId) {
    return vertx
        .eventBus()
        .<JsonObject>request(
            DialerAddresses.FIGURES_QUERY, new JsonObject().put("campaignId", campaignId))
        .map(reply -> reply.body());
  }

  Future<Void> stop() {
    return consumer.unregister();
  }
}
