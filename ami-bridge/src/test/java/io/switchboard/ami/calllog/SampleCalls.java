package io.switchboard.ami.calllog;

import io.switchboard.ami.tracker.CallLeg;
import io.switchboard.ami.tracker.CallOffer;
import io.switchboard.ami.tracker.CallRecord;
import io.switchboard.ami.tracker.CallTransfer;
import io.switchboard.ami.tracker.LegRole;
import io.switchboard.ami.tracker.OfferResult;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.CallOutcome;
import io.switchboard.core.call.HangupSide;
import io.switchboard.core.call.TransferKind;
import java.time.Instant;
import java.util.List;

/** Finished calls for call-log tests: complete ones, with every list filled. */
public final class SampleCalls {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00.250Z");

  private SampleCalls() {}

  /** An answered queue call with two legs, two offers and one transfer. */
  public static CallRecord answered(String serverId, String linkedId) {
    Instant queued = START.plusSeconds(2);
    Instant answered = START.plusSeconds(20);
    Instant ended = START.plusSeconds(200);
    return new CallRecord(
        serverId,
        linkedId,
        serverId + ":" + linkedId,
        CallDirection.INBOUND,
        CallOutcome.ANSWERED,
        "+442079460123",
        "Ann Caller",
        "800",
        "sales",
        queued,
        answered,
        "PJSIP/1002",
        "Bob",
        null,
        null,
        START,
        answered,
        ended,
        18_000,
        170_000,
        10_000,
        16,
        HangupSide.CALLER,
        "/var/spool/asterisk/monitor/" + linkedId + ".wav",
        true,
        null,
        null,
        false,
        List.of(
            new CallLeg(linkedId, "PJSIP/provider-1", LegRole.CALLER, null, START, ended, 16),
            new CallLeg(
                linkedId + "1", "PJSIP/1002-2", LegRole.AGENT, queued, answered, ended, 16)),
        List.of(
            new CallOffer(
                "sales",
                "Alice",
                "PJSIP/1001",
                linkedId + "0",
                "PJSIP/1001-1",
                queued,
                15_000,
                OfferResult.NO_ANSWER),
            new CallOffer(
                "sales",
                "Bob",
                "PJSIP/1002",
                linkedId + "1",
                "PJSIP/1002-2",
                queued.plusSeconds(15),
                3_000,
                OfferResult.CONNECTED)),
        List.of(
            new CallTransfer(
                TransferKind.BLIND,
                answered.plusSeconds(60),
                "PJSIP/1002-2",
                "1003@internal",
                false)));
  }

  /** A busy originate: no legs beyond the customer's, nothing else. */
  public static CallRecord busyOriginate(String serverId, String linkedId) {
    return new CallRecord(
        serverId,
        linkedId,
        serverId + ":" + linkedId,
        CallDirection.OUTBOUND,
        CallOutcome.BUSY,
        "02079460000",
        "",
        "07700900124",
        null,
        null,
        null,
        null,
        null,
        "o-" + linkedId,
        5,
        START,
        null,
        START.plusMillis(1_200),
        1_200,
        0,
        0,
        17,
        HangupSide.SYSTEM,
        null,
        false,
        null,
        null,
        false,
        List.of(
            new CallLeg(
                linkedId,
                "PJSIP/provider-9",
                LegRole.CALLER,
                null,
                null,
                START.plusMillis(1_200),
                17)),
        List.of(),
        List.of());
  }
}
