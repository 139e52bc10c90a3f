package io.switchboard.pbxsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A static queue member as {@code queues.conf} lists it.
 *
 * @param iface the dial interface, e.g. {@code PJSIP/1001} or {@code Local/1001@from-queue/n}
 * @param name the member name (defaults to the interface)
 * @param penalty lower rings first
 * @param paused paused at start
 * @param stateInterface the device whose state counts (defaults to the phone behind the interface)
 */
public record MemberSpec(
    @JsonProperty("interface") String iface,
    String name,
    Integer penalty,
    Boolean paused,
    String stateInterface) {

  public MemberSpec {
    if (iface == null || iface.indexOf('/') <= 0) {
      throw new IllegalArgumentException(
          "member interface must look like PJSIP/1001, got '" + iface + "'");
    }
    if (penalty != null && penalty < 0) {
      throw new IllegalArgumentException("member " + iface + ": penalty must not be negative");
    }
  }
}
