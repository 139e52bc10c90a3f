package io.switchboard.agentws.call;

/**
 * Which phone interface a channel belongs to: Asterisk names a device's channel {@code
 * <tech>/<resource>-<sequence>} ({@code PJSIP/1001-0000002a} is a channel of {@code PJSIP/1001}).
 * Local channels ({@code Local/1001@agents-00000012;1}) name no device and belong to none. Pure.
 */
final class PhoneChannels {

  private PhoneChannels() {}

  /** The interface of {@code channel}, or null when its name does not tell one. */
  static String interfaceOf(String channel) {
    if (channel == null || channel.startsWith("Local/") || channel.indexOf(';') >= 0) {
      return null;
    }
    int slash = channel.indexOf('/');
    int dash = channel.lastIndexOf('-');
    if (slash <= 0 || dash <= slash + 1 || dash == channel.length() - 1) {
      return null;
    }
    return channel.substring(0, dash);
  }
}
