package io.switchboard.pbxsim.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated channel: the snapshot fields Asterisk prints in C order (reference 1.2) plus what
 * the model needs to know (bridge, dialplan application, Local partner). Mutable; owned by the
 * model's thread.
 */
public final class Channel {

  static final String UNKNOWN = "<unknown>";

  private final String name;
  private final String uniqueid;
  private final long createdMillis;
  final long creationSeq;
  long linkedidSeq;
  private final Map<String, String> variables = new LinkedHashMap<>();

  ChannelState state;
  String callerNum = UNKNOWN;
  String callerName = UNKNOWN;
  String connectedNum = UNKNOWN;
  String connectedName = UNKNOWN;
  String language = "en";
  String accountCode = "";
  String context;
  String exten;
  int priority = 1;
  String linkedid;
  String application = "";
  String applicationData = "";
  Bridge bridge;
  Channel localPartner;
  boolean optimizable;
  boolean hungUp;
  boolean onMusicOnHold;
  String mixMonitorId;

  Channel(String name, String uniqueid, long createdMillis, long creationSeq, ChannelState state) {
    this.name = name;
    this.creationSeq = creationSeq;
    this.linkedidSeq = creationSeq;
    this.uniqueid = uniqueid;
    this.createdMillis = createdMillis;
    this.state = state;
    this.linkedid = uniqueid;
  }

  public String name() {
    return name;
  }

  public String uniqueid() {
    return uniqueid;
  }

  public String linkedid() {
    return linkedid;
  }

  public ChannelState state() {
    return state;
  }

  public String callerNum() {
    return callerNum;
  }

  public String callerName() {
    return callerName;
  }

  public String context() {
    return context;
  }

  public String exten() {
    return exten;
  }

  public Bridge bridge() {
    return bridge;
  }

  public long createdMillis() {
    return createdMillis;
  }

  public boolean hungUp() {
    return hungUp;
  }

  public Map<String, String> variables() {
    return variables;
  }

  /** {@code Local/...;1} or {@code ;2}. */
  public boolean isLocal() {
    return name.startsWith("Local/");
  }

  @Override
  public String toString() {
    return name + "(" + uniqueid + ")";
  }
}
