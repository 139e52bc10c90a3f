package io.switchboard.agentws.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

/** Checks of commands that must be refused. */
final class Refusals {

  private Refusals() {}

  /** The failure of a command that must fail; a failed future when it succeeded. */
  static Future<ReplyException> refused(Future<JsonObject> command) {
    return command.transform(
        done ->
            done.succeeded()
                ? Future.failedFuture(new AssertionError("not refused: " + done.result()))
                : Future.succeededFuture((ReplyException) done.cause()));
  }

  /** The failure has the code and a message holding each of {@code words}. */
  static void assertRefused(ReplyException failure, int code, String... words) {
    assertThat(failure.failureCode()).as(failure.getMessage()).isEqualTo(code);
    assertThat(failure.getMessage()).contains(words);
  }
}
