package io.switchboard.ami.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic AMI output, marked as such: events and responses with the header sets of reference
 * 1.2/1.7/1.8, in a random order after the first header, with repeated keys, keys in odd case and
 * odd but legal values (empty, {@code <unknown>}, colons, '=', padding, UTF-8, long text). A seed
 * gives the same stream every time. Test support for the differential test and fuzz seeds.
 */
final class SyntheticAmiStream {

  private static final String[] ODD_TEXT = {
    "",
    "<unknown>",
    "Zoë Ünal 東京",
    "a: b: c",
    "x=y=z",
    "  padded  ",
    "trailing ",
    "\"quoted\" and \\backslash",
    "Local/100@dialer-00000001;2",
    "PJSIP/trunk-0000000a",
    "-",
    "x".repeat(1500)
  };

  private final Random random;
  private int sequence;

  private SyntheticAmiStream(long seed) {
    this.random = new Random(seed);
  }

  /** A banner and {@code count} messages, as a client reads them. */
  static byte[] generate(long seed, int count) {
    SyntheticAmiStream stream = new SyntheticAmiStream(seed);
    StringBuilder text = new StringBuilder("Asterisk Call Manager/11.0.0\r\n");
    for (int i = 0; i < count; i++) {
      stream.message(text);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void message(StringBuilder text) {
    List<String[]> headers = new ArrayList<>();
    int kind = random.nextInt(16);
    String id = "sb-" + (++sequence);
    String first;
    if (kind <= 12) {
      first = eventHeaders(kind, headers, id);
    } else if (kind == 13) {
      first = "Response: " + pick("Success", "Error");
      headers.add(h("ActionID", id));
      headers.add(h("Message", odd()));
    } else if (kind == 14) {
      first = "Response: Success";
      headers.add(h("ActionID", id));
      headers.add(h("Ping", "Pong"));
      headers.add(h("Timestamp", "1740666060.311" + random.nextInt(1000)));
    } else {
      // The legacy Command reply keeps Asterisk 13's order: Response, Privilege, ActionID.
      text.append("Response: Follows\r\nPrivilege: Command\r\nActionID: ").append(id);
      text.append("\r\n");
      text.append(pick("", "one line\n", "Members:\n\n   No Callers\n", "no newline at the end"));
      text.append("--END COMMAND--\r\n\r\n");
      return;
    }
    shuffleAndRepeat(headers);
    text.append(first).append("\r\n");
    for (String[] header : headers) {
      text.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    text.append("\r\n");
  }

  /** The headers of one of the thirteen kinds of event; returns the Event line. */
  private String eventHeaders(int kind, List<String[]> headers, String id) {
    return switch (kind) {
      case 0, 1 -> event("Newchannel", headers, true);
      case 2 -> event("Newstate", headers, true);
      case 3 -> {
        String first = event("Hangup", headers, true);
        headers.add(h("Cause", number()));
        headers.add(h("Cause-txt", odd()));
        yield first;
      }
      case 4 -> {
        String first = event("DialBegin", headers, true);
        snapshot("Dest", headers);
        headers.add(h("DialString", odd()));
        yield first;
      }
      case 5 -> {
        String first = event("DialEnd", headers, true);
        snapshot("Dest", headers);
        headers.add(h("DialStatus", pick("ANSWER", "BUSY", "NOANSWER", "CANCEL")));
        headers.add(h("Forward", ""));
        yield first;
      }
      case 6 -> {
        String first = event("VarSet", headers, true);
        headers.add(h("Variable", pick("AMDSTATUS", "MIXMONITOR_FILENAME", "CC_LEAD")));
        headers.add(h("Value", odd()));
        yield first;
      }
      case 7 -> bridgeEnter(headers);
      case 8 -> {
        String first = event("QueueCallerJoin", headers, true);
        headers.add(h("Queue", odd()));
        headers.add(h("Position", number()));
        headers.add(h("Count", number()));
        yield first;
      }
      case 9 -> agentConnect(headers);
      case 10 -> queueMemberStatus(headers);
      case 11 -> originateResponse(headers, id);
      default -> {
        headers.add(h("Privilege", "user,all"));
        headers.add(h("UserEvent", "SbCampaign"));
        headers.add(h("Campaign", odd()));
        headers.add(h("Lead", number()));
        yield "Event: UserEvent";
      }
    };
  }

  private String bridgeEnter(List<String[]> headers) {
    String first = event("BridgeEnter", headers, true);
    headers.add(h("BridgeUniqueid", "ea17f412-5a17-449d-bf52-" + random.nextInt(100000)));
    headers.add(h("BridgeType", "basic"));
    headers.add(h("BridgeTechnology", "simple_bridge"));
    headers.add(h("BridgeCreator", odd()));
    headers.add(h("BridgeName", odd()));
    headers.add(h("BridgeNumChannels", number()));
    return first;
  }

  private String agentConnect(List<String[]> headers) {
    String first = event("AgentConnect", headers, true);
    snapshot("Dest", headers);
    headers.add(h("Queue", "sales"));
    headers.add(h("MemberName", odd()));
    headers.add(h("Interface", "Local/100@agents"));
    headers.add(h("RingTime", number()));
    headers.add(h("HoldTime", number()));
    return first;
  }

  private String queueMemberStatus(List<String[]> headers) {
    String first = event("QueueMemberStatus", headers, false);
    for (String key : new String[] {"Queue", "MemberName", "Interface", "StateInterface"}) {
      headers.add(h(key, odd()));
    }
    headers.add(h("Membership", pick("static", "dynamic", "realtime")));
    for (String key : new String[] {"Penalty", "CallsTaken", "LastCall", "Status", "InCall"}) {
      headers.add(h(key, number()));
    }
    headers.add(h("Paused", pick("0", "1")));
    headers.add(h("PausedReason", odd()));
    return first;
  }

  private String originateResponse(List<String[]> headers, String id) {
    headers.add(h("Privilege", "call,all"));
    headers.add(h("ActionID", id));
    headers.add(h("Response", pick("Success", "Failure")));
    headers.add(h("Channel", odd()));
    headers.add(h("Context", "dialer"));
    headers.add(h("Exten", odd()));
    headers.add(h("Reason", pick("0", "1", "3", "4", "5", "8")));
    headers.add(h("Uniqueid", pick("<unknown>", "1740666060." + sequence)));
    headers.add(h("CallerIDNum", odd()));
    headers.add(h("CallerIDName", odd()));
    return "Event: OriginateResponse";
  }

  private String event(String name, List<String[]> headers, boolean withSnapshot) {
    headers.add(h("Privilege", "call,all"));
    if (withSnapshot) {
      snapshot("", headers);
      int variables = random.nextInt(4);
      for (int i = 0; i < variables; i++) {
        headers.add(h("ChanVariable", pick("realm", "SIPCALLID", "CC_LEAD") + "=" + odd()));
      }
    }
    return "Event: " + name;
  }

  private void snapshot(String prefix, List<String[]> headers) {
    headers.add(h(prefix + "Channel", odd()));
    headers.add(h(prefix + "ChannelState", number()));
    headers.add(h(prefix + "ChannelStateDesc", pick("Down", "Ring", "Ringing", "Up")));
    for (String key : new String[] {"CallerIDNum", "CallerIDName", "ConnectedLineNum"}) {
      headers.add(h(prefix + key, odd()));
    }
    headers.add(h(prefix + "ConnectedLineName", odd()));
    headers.add(h(prefix + "Language", "en"));
    headers.add(h(prefix + "AccountCode", odd()));
    headers.add(h(prefix + "Context", odd()));
    headers.add(h(prefix + "Exten", odd()));
    headers.add(h(prefix + "Priority", number()));
    headers.add(h(prefix + "Uniqueid", "1740666060." + random.nextInt(100000)));
    headers.add(h(prefix + "Linkedid", "1740666060." + random.nextInt(100000)));
  }

  /** Random order, now and then a repeated header or a key in another case. */
  private void shuffleAndRepeat(List<String[]> headers) {
    Collections.shuffle(headers, random);
    if (!headers.isEmpty() && random.nextInt(8) == 0) {
      String[] copy = headers.get(random.nextInt(headers.size()));
      // Never ActionID: Asterisk sends one at most, and a second one in a response stops
      // Asterisk-Java's reader for good (see AsteriskJavaDifferentialTest).
      if (!copy[0].equalsIgnoreCase("ActionID")) {
        headers.add(h(copy[0], odd()));
      }
    }
    for (String[] header : headers) {
      int change = random.nextInt(12);
      if (change == 0) {
        header[0] = header[0].toLowerCase(Locale.ROOT);
      } else if (change == 1) {
        header[0] = header[0].toUpperCase(Locale.ROOT);
      }
    }
  }

  private String number() {
    return random.nextInt(10) == 0 ? "" : Integer.toString(random.nextInt(10000));
  }

  private String odd() {
    return random.nextBoolean()
        ? "v" + random.nextInt(1000)
        : ODD_TEXT[random.nextInt(ODD_TEXT.length)];
  }

  private String pick(String... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String[] h(String key, String value) {
    return new String[] {key, value};
  }
}
