package io.switchboard.ami.client;

import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.connection.AmiActionException;
import io.switchboard.ami.connection.AmiReply;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state a fresh session rebuilds from, since AMI has no replay (reference/ami-protocol.md 1.5):
 * {@code CoreShowChannels} and {@code QueueStatus}, sent together. A refused {@code QueueStatus}
 * (app_queue not loaded, or no read class for it) means there is no queue state, not a broken
 * session; a refused {@code CoreShowChannels} fails the resync. Runs on the client's context.
 *
 * @param channels the {@code CoreShowChannel} events
 * @param queueStatus the {@code QueueParams}, {@code QueueMember} and {@code QueueEntry} events
 */
record AmiResync(List<AmiMessage> channels, List<AmiMessage> queueStatus) {

  private static final Logger LOG = LoggerFactory.getLogger(AmiResync.class);

  static Future<AmiResync> run(String serverId, Function<AmiMessage, Future<AmiReply>> send) {
    Future<AmiReply> channels = send.apply(AmiMessage.action("CoreShowChannels").build());
    Future<List<AmiMessage>> queues =
        send.apply(AmiMessage.action("QueueStatus").build())
            .map(AmiReply::items)
            .recover(
                refused -> {
                  if (refused instanceof AmiActionException) {
                    LOG.warn(
                        "AMI {}: QueueStatus refused, resync without queues: {}",
                        serverId,
                        refused.getMessage());
                    return Future.succeededFuture(List.of());
                  }
                  return Future.failedFuture(refused);
                });
    return Future.all(channels, queues)
        .recover(
            failed ->
                Future.failedFuture(
                    new SwitchboardException(
                        ErrorCode.UNAVAILABLE, "resync failed: " + failed.getMessage(), failed)))
        .map(both -> new AmiResync(channels.result().items(), queues.result()));
  }
}
