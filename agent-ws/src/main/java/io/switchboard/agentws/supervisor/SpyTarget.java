package io.switchboard.agentws.supervisor;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SwitchboardException;

/**
 * Turns an agent's queue member interface into the channel prefix {@code ChanSpy} looks for. A
 * channel is named after its interface plus {@code -<sequence>} ({@code PJSIP/1001} rings as {@code
 * PJSIP/1001-0000002a}, {@code Local/1001@agents/n} as {@code Local/1001@agents-0000000b;1}), and
 * ChanSpy spies on the first channel whose name starts with its argument; ending the prefix with
 * {@code -} keeps {@code PJSIP/100} from matching {@code PJSIP/1001}'s channels. Pure.
 */
final class SpyTarget {

  private SpyTarget() {}

  /** The ChanSpy prefix for the channels of {@code agentInterface}. */
  static String channelPrefix(String agentInterface) {
    if (agentInterface == null || agentInterface.isBlank()) {
      throw new SwitchboardException(ErrorCode.CONFLICT, "the agent has no interface to spy on");
    }
    int tech = agentInterface.indexOf('/');
    if (tech <= 0 || tech == agentInterface.length() - 1) {
      throw new SwitchboardException(
          ErrorCode.CONFLICT,
          "the agent's interface '" + agentInterface + "' is not Tech/resource, cannot spy on it");
    }
    // Dial options after the resource ("/n" of a Local interface) are not part of channel names.
    int options = agentInterface.indexOf('/', tech + 1);
    String resource = options < 0 ? agentInterface : agentInterface.substring(0, options);
    return resource + "-";
  }
}
