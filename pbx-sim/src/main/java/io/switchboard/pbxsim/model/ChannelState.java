package io.switchboard.pbxsim.model;

/** {@code enum ast_channel_state} with the text {@code ast_state2str} prints (reference 1.8). */
public enum ChannelState {
  DOWN(0, "Down"),
  RSRVD(1, "Rsrvd"),
  OFFHOOK(2, "OffHook"),
  DIALING(3, "Dialing"),
  RING(4, "Ring"),
  RINGING(5, "Ringing"),
  UP(6, "Up"),
  BUSY(7, "Busy");

  private final int code;
  private final String text;

  ChannelState(int code, String text) {
    this.code = code;
    this.text = text;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }
}
