package io.switchboard.deploy.ami;

import java.util.List;

/**
 * The call log a test expects for a call it drove, filled in as the test learns the call's Linkedid
 * and decides its course; {@link #summary()} is compared with the logged row.
 */
final class ExpectedCall {

  private final String kind;
  private String linkedId;
  private String direction = "inbound";
  private String outcome = "answered";
  private String queue;
  private long waitMs;
  private long talkMs;
  private long holdMs;
  private String hangupBy = "caller";
  private String originateId;
  private String amdStatus;
  private String recordingFile;
  private boolean reconciled;
  private List<String> legRoles = List.of("caller");
  private List<String> offers = List.of();
  private List<String> transfers = List.of();

  ExpectedCall(String kind) {
    this.kind = kind;
  }

  /** The flow that made the call, for failure messages. */
  String kind() {
    return kind;
  }

  String linkedId() {
    return linkedId;
  }

  ExpectedCall linkedId(String value) {
    linkedId = value;
    return this;
  }

  ExpectedCall outbound(String originate) {
    direction = "outbound";
    originateId = originate;
    return this;
  }

  ExpectedCall outcome(String value) {
    outcome = value;
    return this;
  }

  ExpectedCall queue(String value) {
    queue = value;
    return this;
  }

  ExpectedCall waitMs(long value) {
    waitMs = value;
    return this;
  }

  ExpectedCall talkMs(long value) {
    talkMs = value;
    return this;
  }

  ExpectedCall holdMs(long value) {
    holdMs = value;
    return this;
  }

  ExpectedCall hangupBy(String value) {
    hangupBy = value;
    return this;
  }

  ExpectedCall amdStatus(String value) {
    amdStatus = value;
    return this;
  }

  ExpectedCall recordingFile(String value) {
    recordingFile = value;
    return this;
  }

  ExpectedCall reconciled(boolean value) {
    reconciled = value;
    return this;
  }

  ExpectedCall legs(String... roles) {
    legRoles = List.of(roles);
    return this;
  }

  ExpectedCall offers(String... results) {
    offers = List.of(results);
    return this;
  }

  ExpectedCall transfers(String... kinds) {
    transfers = List.of(kinds);
    return this;
  }

  CallSummary summary() {
    return new CallSummary(
        linkedId,
        direction,
        outcome,
        queue,
        waitMs,
        talkMs,
        holdMs,
        hangupBy,
        originateId,
        amdStatus,
        recordingFile,
        reconciled,
        legRoles,
        offers,
        transfers);
  }
}
