package io.switchboard.deploy.ami;

import java.util.List;

/**
 * What a test checks of one call log: the row's outcome, queue, times, who hung up and flags, and
 * its children (leg roles sorted, offer results and transfer kinds in order). Tests build the
 * expected summary from what they drove and compare it with the logged one as a whole.
 */
record CallSummary(
    String linkedId,
    String direction,
    String outcome,
    String queue,
    long waitMs,
    long talkMs,
    long holdMs,
    String hangupBy,
    String originateId,
    String amdStatus,
    String recordingFile,
    boolean reconciled,
    List<String> legRoles,
    List<String> offers,
    List<String> transfers) {

  CallSummary {
    legRoles = legRoles.stream().sorted().toList();
    offers = List.copyOf(offers);
    transfers = List.copyOf(transfers);
  }
}
