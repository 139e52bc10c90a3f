package io.switchboard.pbxsim.model;

import io.switchboard.ami.codec.AmiMessage;

/**
 * Builds events with Asterisk's header layout: {@code Event}, {@code Privilege}, then the body in
 * the order of the C format strings. Channel snapshots follow {@code
 * ast_manager_build_channel_state_string_prefix} ({@code main/manager_channels.c}), bridge
 * snapshots {@code ast_manager_build_bridge_state_string_prefix} ({@code main/manager_bridges.c}).
 * Stateless.
 */
public final class AmiEvents {

  public static final String CALL = "call,all";
  public static final String AGENT = "agent,all";
  public static final String DIALPLAN = "dialplan,all";

  private AmiEvents() {}

  public static AmiMessage.Builder event(String name, String privilege) {
    return AmiMessage.event(name).with("Privilege", privilege);
  }

  /** A {@code call}-class event about one channel. */
  public static AmiMessage.Builder channelEvent(String name, Channel c) {
    return snapshot(event(name, CALL), "", c);
  }

  /** Appends a channel's snapshot, every key prefixed (Dest, Transferer, LocalOne, ...). */
  public static AmiMessage.Builder snapshot(AmiMessage.Builder b, String prefix, Channel c) {
    return b.with(prefix + "Channel", c.name())
        .with(prefix + "ChannelState", Integer.toString(c.state.code()))
        .with(prefix + "ChannelStateDesc", c.state.text())
        .with(prefix + "CallerIDNum", c.callerNum)
        .with(prefix + "CallerIDName", c.callerName)
        .with(prefix + "ConnectedLineNum", c.connectedNum)
        .with(prefix + "ConnectedLineName", c.connectedName)
        .with(prefix + "Language", c.language)
        .with(prefix + "AccountCode", c.accountCode)
        .with(prefix + "Context", c.context)
        .with(prefix + "Exten", c.exten)
        .with(prefix + "Priority", Integer.toString(c.priority))
        .with(prefix + "Uniqueid", c.uniqueid())
        .with(prefix + "Linkedid", c.linkedid);
  }

  /** Appends a bridge snapshot; {@code prefix} is "" or e.g. {@code Orig}, {@code Second}. */
  public static AmiMessage.Builder bridge(AmiMessage.Builder b, String prefix, Bridge bridge) {
    return b.with(prefix + "BridgeUniqueid", bridge.uniqueid())
        .with(prefix + "BridgeType", "basic")
        .with(prefix + "BridgeTechnology", "simple_bridge")
        .with(prefix + "BridgeCreator", Channel.UNKNOWN)
        .with(prefix + "BridgeName", Channel.UNKNOWN)
        .with(prefix + "BridgeNumChannels", Integer.toString(bridge.channels().size()))
        .with(prefix + "BridgeVideoSourceMode", "none");
  }

  /** Q.850 cause text ({@code ast_cause2str}) for the causes the model uses. */
  public static String causeText(int cause) {
    return switch (cause) {
      case 0 -> "Unknown";
      case 1 -> "Unallocated (unassigned) number";
      case 16 -> "Normal Clearing";
      case 17 -> "User busy";
      case 18 -> "No user responding";
      case 19 -> "User alerting, no answer";
      case 21 -> "Call Rejected";
      case 26 -> "Answered elsewhere";
      case 27 -> "Destination out of order";
      case 34 -> "Circuit/channel congestion";
      default -> "Unknown";
    };
  }
}
