package io.switchboard.ami.tracker;

import io.switchboard.core.call.TransferKind;
import java.time.Instant;

/**
 * One transfer of a finished call, as stored in {@code call_log_transfers}.
 *
 * @param kind blind or attended
 * @param at when Asterisk reported it
 * @param transfererChannel the channel that transferred
 * @param target {@code exten@context} (blind) or the target's channel (attended), may be empty
 * @param success whether Asterisk reported {@code Result: Success}
 */
public record CallTransfer(
    TransferKind kind, Instant at, String transfererChannel, String target, boolean success) {}
