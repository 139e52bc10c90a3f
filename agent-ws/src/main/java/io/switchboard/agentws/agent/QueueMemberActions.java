package io.switchboard.agentws.agent;

import io.switchboard.core.ami.AmiActionAddresses;
import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the PBX (through the AMI bridge's event-bus actions) to add, remove, pause and unpause an
 * agent's queue memberships. Failures stay the bridge's {@link ReplyException}s, so Asterisk's own
 * message reaches the agent. Stateless; futures complete on the caller's context.
 */
public final class QueueMemberActions {

  private static final Logger LOG = LoggerFactory.getLogger(QueueMemberActions.class);

  private final EventBus bus;

  public QueueMemberActions(EventBus bus) {
    this.bus = bus;
  }

  /**
   * {@code QueueAdd} of the interface to every queue; if one fails, the queues already added are
   * removed again and the first failure is returned.
   */
  public Future<Void> add(String agentInterface, String memberName, List<String> queues) {
    List<Future<Object>> adds = new ArrayList<>();
    for (String queue : queues) {
      JsonObject request = member(queue, agentInterface);
      if (memberName != null) {
        request.put(AmiActionFields.MEMBER_NAME, memberName);
      }
      adds.add(bus.request(AmiActionAddresses.QUEUE_ADD, request).map(reply -> (Object) queue));
    }
    return Future.join(adds)
        .transform(
            all -> {
              if (all.succeeded()) {
                return Future.succeededFuture();
              }
              List<Future<Object>> undo = new ArrayList<>();
              Throwable first = null;
              for (int index = 0; index < adds.size(); index++) {
                if (adds.get(index).succeeded()) {
                  undo.add(remove(agentInterface, queues.get(index)));
                } else if (first == null) {
                  first = adds.get(index).cause();
                }
              }
              Throwable failure = first;
              return Future.join(undo).transform(undone -> Future.failedFuture(failure));
            });
  }

  /**
   * {@code QueueRemove} from every queue. A member the PBX no longer has counts as removed: a
   * logout must not hang on a PBX that forgot the agent (a restart).
   */
  public Future<Void> removeAll(String agentInterface, List<String> queues) {
    List<Future<Object>> removes = new ArrayList<>();
    for (String queue : queues) {
      removes.add(remove(agentInterface, queue));
    }
    return Future.all(removes).mapEmpty();
  }

  private Future<Object> remove(String agentInterface, String queue) {
    return bus.request(AmiActionAddresses.QUEUE_REMOVE, member(queue, agentInterface))
        .map(reply -> (Object) queue)
        .recover(
            failure -> {
              if (notAMember(failure)) {
                LOG.info("{} was not a member of {} any more", agentInterface, queue);
                return Future.succeededFuture(queue);
              }
              return Future.failedFuture(failure);
            });
  }

  /** {@code QueuePause} in every queue, with the reason code (null to unpause). */
  public Future<Void> pause(String agentInterface, boolean paused, String reason) {
    JsonObject request =
        new JsonObject()
            .put(AmiActionFields.INTERFACE, agentInterface)
            .put(AmiActionFields.PAUSED, paused);
    if (paused && reason != null) {
      request.put(AmiActionFields.REASON, reason);
    }
    return bus.request(AmiActionAddresses.QUEUE_PAUSE, request).mapEmpty();
  }

  private static JsonObject member(String queue, String agentInterface) {
    return new JsonObject()
        .put(AmiActionFields.QUEUE, queue)
        .put(AmiActionFields.INTERFACE, agentInterface);
  }

  // Asterisk: "Unable to remove interface: Not there", "Unable to remove interface from queue: No
  // such queue" (manager_remove_queue_member).
  private static boolean notAMember(Throwable failure) {
    return failure instanceof ReplyException reply
        && reply.failureCode() == ErrorCode.CONFLICT.busFailureCode()
        && reply.getMessage() != null
        && (reply.getMessage().contains("Not there")
            || reply.getMessage().contains("No such queue"));
  }
}
