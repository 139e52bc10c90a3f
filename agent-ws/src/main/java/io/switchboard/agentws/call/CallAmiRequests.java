package io.switchboard.agentws.call;

import io.switchboard.core.ami.AmiActionFields;
import io.switchboard.core.call.OriginateIds;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * Plans the AMI actions of the call commands: the JSON requests for the bridge's action service
 * ({@code io.switchboard.core.ami.AmiActionAddresses}), and where a transfer target is in the
 * dialplan. Pure and immutable.
 */
public final class CallAmiRequests {

  /** Channel variable with the agent's user id, set on a click-to-dial. */
  public static final String AGENT_USER_VARIABLE = "SWITCHBOARD_AGENT_USER_ID";

  /** Channel variable with the CRM customer id, set on a click-to-dial to a known customer. */
  public static final String CUSTOMER_VARIABLE = "SWITCHBOARD_CUSTOMER_ID";

  /**
   * Set by Asterisk on each channel of a bridge: the other channel's name (a comma-separated list
   * when more than two are bridged); empty or unset when the channel is not bridged.
   */
  public static final String BRIDGE_PEER_VARIABLE = "BRIDGEPEER";

  /** An extension the dialplan can be sent to. */
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_.*#+-]{1,80}");

  private final CallActionSettings settings;

  public CallAmiRequests(CallActionSettings settings) {
    this.settings = settings;
  }

  /**
   * Click-to-dial: rings the agent's phone, and once it answers runs {@code number} in the dial
   * context, with the ids that link the call to the agent, the customer and the dial.
   */
  public JsonObject originate(PendingDial dial, String number) {
    JsonObject variables =
        new JsonObject()
            .put(OriginateIds.VARIABLE, dial.originateId())
            .put(AGENT_USER_VARIABLE, String.valueOf(dial.userId()));
    if (dial.customerId() != null) {
      variables.put(CUSTOMER_VARIABLE, String.valueOf(dial.customerId()));
    }
    return new JsonObject()
        .put(AmiActionFields.CHANNEL, dial.agentInterface())
        .put(AmiActionFields.CONTEXT, settings.dialContext())
        .put(AmiActionFields.EXTEN, number)
        .put(AmiActionFields.PRIORITY, "1")
        .put(AmiActionFields.CHANNEL_ID, OriginateIds.channelId(dial.originateId()))
        .put(AmiActionFields.TIMEOUT_MS, settings.ringTimeout().toMillis())
        .put(AmiActionFields.VARIABLES, variables);
  }

  /** Hangs up the agent's leg. */
  public JsonObject hangup(AgentCall leg) {
    return onChannel(leg.serverId(), leg.channel());
  }

  /** Reads the name of the channel bridged with the agent's leg. */
  public JsonObject bridgePeer(AgentCall leg) {
    return onChannel(leg.serverId(), leg.channel())
        .put(AmiActionFields.VARIABLE, BRIDGE_PEER_VARIABLE);
  }

  /** Blind transfer: sends the other party to {@code to}; the agent's leg is dropped. */
  public JsonObject redirect(AgentCall leg, String peerChannel, Destination to) {
    return onChannel(leg.serverId(), peerChannel)
        .put(AmiActionFields.CONTEXT, to.context())
        .put(AmiActionFields.EXTEN, to.exten())
        .put(AmiActionFields.PRIORITY, "1");
  }

  /** Attended transfer: the agent's leg calls {@code to} while the other party waits. */
  public JsonObject atxfer(AgentCall leg, Destination to) {
    return onChannel(leg.serverId(), leg.channel())
        .put(AmiActionFields.CONTEXT, to.context())
        .put(AmiActionFields.EXTEN, to.exten());
  }

  /** Pauses ({@code mute}) or resumes the recording on {@code channel}, both directions. */
  public JsonObject mute(String serverId, String channel, boolean mute) {
    return onChannel(serverId, channel)
        .put(AmiActionFields.MUTE, mute)
        .put(AmiActionFields.DIRECTION, "both");
  }

  /**
   * Where a transfer target is: another agent at its extension and a number in the dial context, a
   * queue at its name in the queue context.
   *
   * @param targetInterface the target agent's interface (for an agent target)
   * @throws IllegalArgumentException when the agent's interface names no extension
   */
  public Destination destination(TransferTarget target, String targetInterface) {
    return switch (target.kind()) {
      case AGENT -> {
        String extension = extensionOf(targetInterface);
        if (extension == null) {
          throw new IllegalArgumentException(
              "the interface " + targetInterface + " names no extension to dial");
        }
        yield new Destination(settings.dialContext(), extension);
      }
      case QUEUE -> new Destination(settings.queueContext(), target.value());
      case NUMBER -> new Destination(settings.dialContext(), target.value());
    };
  }

  /**
   * The extension of an agent's phone: the resource of its interface up to any {@code @} or {@code
   * /} ({@code PJSIP/1001} and {@code Local/1001@agents/n} are 1001), or null.
   */
  public static String extensionOf(String agentInterface) {
    if (agentInterface == null) {
      return null;
    }
    int slash = agentInterface.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String resource = agentInterface.substring(slash + 1);
    int end = resource.length();
    for (int i = 0; i < resource.length(); i++) {
      char c = resource.charAt(i);
      if (c == '@' || c == '/') {
        end = i;
        break;
      }
    }
    String extension = resource.substring(0, end);
    return EXTENSION.matcher(extension).matches() ? extension : null;
  }

  private static JsonObject onChannel(String serverId, String channel) {
    return new JsonObject()
        .put(AmiActionFields.SERVER, serverId)
        .put(AmiActionFields.CHANNEL, channel);
  }
}
