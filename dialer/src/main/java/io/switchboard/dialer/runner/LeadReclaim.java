package io.switchboard.dialer.runner;

import io.switchboard.dialer.lead.AttemptOutcome;
import io.switchboard.dialer.lead.FinishedAttempt;
import io.switchboard.dialer.lead.ReservedLead;
import io.switchboard.dialer.persistence.DialerRepositories;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the leads a runner that died left {@code dialing}. It runs each time its node takes
 * the runner lease ({@link RunnerLease}), before it dials: the runner is one per cluster, so no
 * lead is then legitimately being dialled but the calls this runner itself still follows. Each such
 * lead gets a {@code failed} attempt ({@value #REASON}), recorded like any other (one transaction
 * per lead), so the campaign's retry rules decide when it is dialled again or whether it is
 * finished. Leads are read in batches of {@value #BATCH} by id, one batch at a time; a lead whose
 * attempt cannot be recorded is logged and stays reserved. Runs on the runner's context; nothing
 * blocks.
 */
final class LeadReclaim {

  static final String REASON = "runner restarted; call lost";

  static final int BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(LeadReclaim.class);

  private final DialerRepositories repositories;
  private final Clock clock;
  private final Predicate<String> ours;

  /**
   * {@code ours} tells the originate ids of calls this runner still follows (it led before, lost
   * the lease and took it again): those leads are not reclaimed; their calls are recorded as usual.
   */
  LeadReclaim(DialerRepositories repositories, Clock clock, Predicate<String> ours) {
    this.repositories = repositories;
    this.clock = clock;
    this.ours = ours;
  }

  /** Reclaims every lead left dialing; the number reclaimed. Never fails (it logs instead). */
  Future<Integer> run() {
    return batch(0, 0)
        .onSuccess(
            count -> {
              if (count > 0) {
                LOG.warn(
                    "Reclaimed {} leads a previous runner left dialing: each has a failed attempt"
                        + " ('{}') and follows its campaign's retry rules",
                    count,
                    REASON);
              } else {
                LOG.info("No lead was left dialing by a previous runner");
              }
            })
        .recover(
            failure -> {
              LOG.error(
                  "Leads left dialing by a previous runner not reclaimed; they stay reserved: {}",
                  failure.getMessage());
              return Future.succeededFuture(0);
            });
  }

  private Future<Integer> batch(long afterId, int reclaimed) {
    return repositories
        .attempts()
        .reserved(afterId, BATCH)
        .compose(
            leads -> {
              if (leads.isEmpty()) {
                return Future.succeededFuture(reclaimed);
              }
              List<Future<?>> recorded =
                  leads.stream()
                      .filter(reserved -> !ours.test(DialAttempt.originateId(reserved.lead())))
                      .<Future<?>>map(this::fail)
                      .toList();
              long last = leads.get(leads.size() - 1).lead().id();
              return Future.join(recorded)
                  .transform(
                      done -> {
                        int count =
                            reclaimed + (int) recorded.stream().filter(Future::succeeded).count();
                        return leads.size() < BATCH
                            ? Future.succeededFuture(count)
                            : batch(last, count);
                      });
            });
  }

  private Future<?> fail(ReservedLead reserved) {
    if (reserved.preview()) {
      return release(reserved);
    }
    Instant now = clock.instant();
    Instant started = reserved.reservedAt().isAfter(now) ? now : reserved.reservedAt();
    String originateId = DialAttempt.originateId(reserved.lead());
    return repositories
        .attempts()
        .record(
            new FinishedAttempt(
                reserved.lead().id(),
                started,
                null,
                null,
                now,
                AttemptOutcome.FAILED,
                null,
                REASON,
                null,
                originateId))
        .onFailure(
            failure ->
                LOG.error(
                    "Lead {} left dialing ({}) not reclaimed; it stays reserved: {}",
                    reserved.lead().id(),
                    originateId,
                    failure.getMessage()));
  }

  /**
   * A preview lead left reserved was offered to an agent and, the runner cannot tell, maybe dialled
   * (its call log says): it is released without an attempt, as a withdrawn offer is.
   */
  private Future<?> release(ReservedLead reserved) {
    return repositories
        .selection()
        .release(reserved.lead().id())
        .onFailure(
            failure ->
                LOG.error(
                    "Preview lead {} left dialing not released; it stays reserved: {}",
                    reserved.lead().id(),
                    failure.getMessage()));
  }
}
