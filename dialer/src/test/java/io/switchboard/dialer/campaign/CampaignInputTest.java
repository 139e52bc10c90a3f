package io.switchboard.dialer.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.error.FieldError;
import io.switchboard.core.error.SwitchboardException;
import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.dialer.pacing.AbandonAccounting;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignInputTest {

  private final CampaignInput input = new CampaignInput(new PhoneNormalizer("CN"));

  static JsonObject minimal() {
    return new JsonObject()
        .put("name", "Spring offer")
        .put("mode", "predictive")
        .put("queue", "sales")
        .put("callerId", "010 6552 9988")
        .put(
            "callingWindow",
            new JsonObject()
                .put("start", "09:00")
                .put("end", "21:00")
                .put("days", new JsonArray(List.of("mon", "tue", "wed", "thu", "fri"))))
        .put("accounting", "uk")
        .put("abandonMessage", "custom/abandon-notice");
  }

  @Test
  void aMinimalBodyGetsTheDefaultsAndANormalisedCallerId() {
    CampaignSettings settings = input.read(minimal());

    assertThat(settings.callerId()).isEqualTo("+861065529988");
    assertThat(settings.target()).isEqualTo(CampaignTarget.queue("sales"));
    assertThat(settings.callingWindow())
        .isEqualTo(
            new CallingWindow(
                LocalTime.of(9, 0),
                LocalTime.of(21, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
    assertThat(settings.retryRules()).isEqualTo(CampaignInput.DEFAULT_RETRY_RULES);
    assertThat(settings.ringLimitSeconds()).isEqualTo(20);
    assertThat(settings.abandonRateTarget()).isEqualTo(0.03);
    assertThat(settings.accounting()).isEqualTo(AbandonAccounting.UK);
    assertThat(settings.amdEnabled()).isFalse();
  }

  @Test
  void theJsonFormReadsBackToTheSameSettings() {
    JsonObject body =
        minimal()
            .put(
                "retryRules", new JsonObject().put("busy", new JsonObject().put("delayMinutes", 5)))
            .put("amd", new JsonObject().put("enabled", true).put("falsePositiveEstimate", 0.02));
    CampaignSettings settings = input.read(body);

    assertThat(input.read(CampaignJson.settings(settings))).isEqualTo(settings);
    assertThat(settings.retryRules().busy()).isEqualTo(new RetryRule(5, 5));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    JsonObject body =
        minimal()
            .put("agentGroup", "team-a")
            .put("ringLimitSeconds", 10)
            .put("mode", "aggressive")
            .put("callerId", "12")
            .put("abandonMessage", "../../etc/passwd")
            .put("colour", "red")
            .put(
                "callingWindow",
                new JsonObject()
                    .put("start", "21:00")
                    .put("end", "09:00")
                    .put("days", new JsonArray(List.of("mon", "someday"))))
            .put(
                "retryRules", new JsonObject().put("busy", new JsonObject().put("delayMinutes", 0)))
            .put("abandonRateTarget", 0.2)
            .put("amd", new JsonObject().put("enabled", "yes"));

    assertThatThrownBy(() -> input.read(body))
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            invalid ->
                assertThat(invalid.fields())
                    .extracting(FieldError::field)
                    .contains(
                        "agentGroup",
                        "ringLimitSeconds",
                        "mode",
                        "callerId",
                        "abandonMessage",
                        "colour",
                        "callingWindow.days",
                        "callingWindow.end",
                        "retryRules.busy.delayMinutes",
                        "abandonRateTarget",
                        "amd.enabled"));
  }

  @Test
  void aPreviewCampaignForAnAgentGroupIsRefusedNamingTheField() {
    JsonObject body = minimal().put("mode", "preview");
    body.remove("queue");
    body.put("agentGroup", "team-a");

    assertThatThrownBy(() -> input.read(body))
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            invalid ->
                assertThat(invalid.fields())
                    .extracting(FieldError::field, FieldError::problem)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "agentGroup",
                            "a preview campaign offers leads to the agents of a queue: give queue,"
                                + " not agentGroup")));
  }

  @Test
  void requiredFieldsAreNamedWhenMissing() {
    assertThatThrownBy(() -> input.read(new JsonObject()))
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            invalid ->
                assertThat(invalid.fields())
                    .extracting(FieldError::field)
                    .contains(
                        "name",
                        "mode",
                        "queue",
                        "callerId",
                        "callingWindow",
                        "accounting",
                        "abandonMessage"));
  }

  @Test
  void theRingLimitIsAtLeast15Seconds() {
    assertThat(input.read(minimal().put("ringLimitSeconds", 15)).ringLimitSeconds()).isEqualTo(15);
    assertThatThrownBy(() -> input.read(minimal().put("ringLimitSeconds", 14)))
        .isInstanceOfSatisfying(
            SwitchboardException.class,
            invalid ->
                assertThat(invalid.fields())
                    .containsExactly(new FieldError("ringLimitSeconds", "must be from 15 to 120")));
  }

  @Test
  void predictivePacingIsInfeasibleUnderUkAccountingWithAHighAmdFalsePositiveEstimate() {
    CampaignSettings stockAmd =
        input.read(
            minimal()
                .put(
                    "amd",
                    new JsonObject().put("enabled", true).put("falsePositiveEstimate", 0.12)));
    CampaignSettings goodAmd =
        input.read(
            minimal()
                .put(
                    "amd",
                    new JsonObject().put("enabled", true).put("falsePositiveEstimate", 0.005)));
    CampaignSettings usStockAmd =
        input.read(
            minimal()
                .put("accounting", "us")
                .put(
                    "amd",
                    new JsonObject().put("enabled", true).put("falsePositiveEstimate", 0.12)));

    assertThat(stockAmd.predictiveFeasibility().feasible()).isFalse();
    assertThat(stockAmd.predictiveFeasibility().reason())
        .startsWith(
            "predictive mode refused: under UK accounting the AMD false-positive estimate of 12.0%");
    assertThat(goodAmd.predictiveFeasibility().feasible()).isTrue();
    assertThat(usStockAmd.predictiveFeasibility().feasible()).isTrue();
  }
}
