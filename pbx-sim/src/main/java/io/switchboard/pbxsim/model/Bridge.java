package io.switchboard.pbxsim.model;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge as {@code BridgeCreate} describes it. Owned by the model's thread. */
public final class Bridge {

  private final String uniqueid;
  private final List<Channel> channels = new ArrayList<>(2);

  Bridge(String uniqueid) {
    this.uniqueid = uniqueid;
  }

  public String uniqueid() {
    return uniqueid;
  }

  public List<Channel> channels() {
    return channels;
  }
}
