package io.switchboard.dialer.campaign;

import io.switchboard.core.phone.PhoneNormalizer;
import io.switchboard.dialer.pacing.AbandonAccounting;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a campaign's settings from its JSON form ({@link CampaignJson}), checking every field and
 * naming each bad one ({@code callingWindow.start}, {@code retryRules.busy.delayMinutes}). Fields
 * with a default may be left out. Thread-safe.
 */
public final class CampaignInput {

  /** Top-level members of a campaign body. */
  public static final Set<String> FIELDS =
      Set.of(
          "name",
          "mode",
          "queue",
          "agentGroup",
          "callerId",
          "callingWindow",
          "retryRules",
          "maxAttempts",
          "ringLimitSeconds",
          "abandonRateTarget",
          "accounting",
          "abandonMessage",
          "amd");

  /** Default rule per outcome when a body leaves {@code retryRules} (or one of them) out. */
  public static final RetryRules DEFAULT_RETRY_RULES =
      new RetryRules(
          new RetryRule(10, 5), new RetryRule(60, 5), new RetryRule(240, 3), new RetryRule(30, 3));

  public static final int DEFAULT_MAX_ATTEMPTS = 6;
  public static final int DEFAULT_RING_LIMIT_SECONDS = 20;
  public static final double DEFAULT_ABANDON_RATE_TARGET = 0.03;

  private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
  private static final Pattern RECORDING = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,199}");

  private final PhoneNormalizer phones;

  public CampaignInput(PhoneNormalizer phones) {
    this.phones = phones;
  }

  /**
   * The settings in {@code json}.
   *
   * @throws io.switchboard.core.error.SwitchboardException 422 naming every bad field
   */
  public CampaignSettings read(JsonObject json) {
    JsonFieldReader in = JsonFieldReader.of(json).allowOnly(FIELDS);
    String name = in.text("name", true, 200);
    String modeName = in.choice("mode", true, names(CampaignMode.values(), CampaignMode::wireName));
    CampaignTarget target = target(in);
    if ("preview".equals(modeName)
        && target != null
        && target.kind() == CampaignTarget.Kind.AGENT_GROUP) {
      in.fail(
          "agentGroup",
          "a preview campaign offers leads to the agents of a queue: give queue, not agentGroup");
    }
    String callerId = callerId(in);
    CallingWindow window = window(in.object("callingWindow", true));
    RetryRules rules = retryRules(in.object("retryRules", false));
    Integer maxAttempts =
        in.integer("maxAttempts", 1, RetryRule.MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS);
    Integer ringLimit =
        in.integer(
            "ringLimitSeconds",
            CampaignSettings.MIN_RING_LIMIT_SECONDS,
            CampaignSettings.MAX_RING_LIMIT_SECONDS,
            DEFAULT_RING_LIMIT_SECONDS);
    Double abandonTarget =
        in.fraction(
            "abandonRateTarget",
            0,
            CampaignSettings.MAX_ABANDON_RATE_TARGET,
            DEFAULT_ABANDON_RATE_TARGET);
    String accounting = in.choice("accounting", true, Set.of("us", "uk"));
    String message = abandonMessage(in);
    JsonFieldReader amd = in.object("amd", false);
    Boolean amdEnabled = amd == null ? Boolean.FALSE : amd.bool("enabled", null);
    Double falsePositives =
        amd == null ? Double.valueOf(0) : amd.share("falsePositiveEstimate", 0.0);
    if (amd != null) {
      amd.allowOnly(Set.of("enabled", "falsePositiveEstimate"));
    }
    in.throwIfInvalid();
    return new CampaignSettings(
        name,
        CampaignMode.fromWire(modeName),
        target,
        callerId,
        window,
        rules,
        maxAttempts,
        ringLimit,
        abandonTarget,
        AbandonAccounting.valueOf(accounting.toUpperCase(Locale.ROOT)),
        message,
        amdEnabled,
        falsePositives);
  }

  private static CampaignTarget target(JsonFieldReader in) {
    String rule = "must be 1-80 letters, digits, '.', '_' or '-', starting with a letter or digit";
    String queue = in.matching("queue", false, TARGET, rule);
    String group = in.matching("agentGroup", false, TARGET, rule);
    if (in.has("queue") == in.has("agentGroup")) {
      in.fail(
          in.has("queue") ? "agentGroup" : "queue",
          "give exactly one of queue and agentGroup: where answered calls go");
      return null;
    }
    if (queue == null && group == null) {
      return null;
    }
    return queue != null ? CampaignTarget.queue(queue) : CampaignTarget.agentGroup(group);
  }

  private String callerId(JsonFieldReader in) {
    String raw = in.text("callerId", true, PhoneNormalizer.MAX_INPUT_LENGTH);
    if (raw == null) {
      return null;
    }
    PhoneNormalizer.Result result = phones.normalize(raw);
    if (result.e164().isEmpty()) {
      in.fail("callerId", result.problem());
      return null;
    }
    return result.e164().get();
  }

  private static String abandonMessage(JsonFieldReader in) {
    String message =
        in.matching(
            "abandonMessage",
            true,
            RECORDING,
            "must be a recording name: letters, digits, '_', '.', '/' or '-'");
    if (message != null && message.contains("..")) {
      in.fail("abandonMessage", "must not contain '..'");
      return null;
    }
    return message;
  }

  private static CallingWindow window(JsonFieldReader in) {
    if (in == null) {
      return null;
    }
    in.allowOnly(Set.of("start", "end", "days"));
    LocalTime start = time(in, "start");
    LocalTime end = time(in, "end");
    List<String> dayNames = in.strings("days", true, 7);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (dayNames != null) {
      for (String day : dayNames) {
        int index = CallingWindow.DAY_NAMES.indexOf(day.toLowerCase(Locale.ROOT));
        if (index < 0) {
          in.fail(
              "days",
              "\"" + day + "\" is not one of " + String.join(", ", CallingWindow.DAY_NAMES));
        } else {
          days.add(DayOfWeek.of(index + 1));
        }
      }
      if (dayNames.isEmpty()) {
        in.fail("days", "name at least one day");
      }
    }
    if (start != null && end != null && !start.isBefore(end)) {
      in.fail("end", "must be after start (a window does not cross midnight)");
      return null;
    }
    if (start == null || end == null || days.isEmpty() || !in.valid()) {
      return null;
    }
    return new CallingWindow(start, end, days);
  }

  private static LocalTime time(JsonFieldReader in, String name) {
    String text = in.text(name, true, 8);
    if (text == null) {
      return null;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException bad) {
      in.fail(name, "must be a local time such as 09:00");
      return null;
    }
  }

  private static RetryRules retryRules(JsonFieldReader in) {
    if (in == null) {
      return DEFAULT_RETRY_RULES;
    }
    in.allowOnly(Set.of("busy", "noAnswer", "machine", "failed"));
    RetryRule busy = rule(in.object("busy", false), DEFAULT_RETRY_RULES.busy());
    RetryRule noAnswer = rule(in.object("noAnswer", false), DEFAULT_RETRY_RULES.noAnswer());
    RetryRule machine = rule(in.object("machine", false), DEFAULT_RETRY_RULES.machine());
    RetryRule failed = rule(in.object("failed", false), DEFAULT_RETRY_RULES.failed());
    if (busy == null || noAnswer == null || machine == null || failed == null) {
      return null;
    }
    return new RetryRules(busy, noAnswer, machine, failed);
  }

  private static RetryRule rule(JsonFieldReader in, RetryRule fallback) {
    if (in == null) {
      return fallback;
    }
    in.allowOnly(Set.of("delayMinutes", "maxAttempts"));
    Integer delay =
        in.integer("delayMinutes", 1, RetryRule.MAX_DELAY_MINUTES, fallback.delayMinutes());
    Integer max = in.integer("maxAttempts", 1, RetryRule.MAX_ATTEMPTS, fallback.maxAttempts());
    return in.valid() ? new RetryRule(delay, max) : null;
  }

  private static <T> Set<String> names(T[] values, java.util.function.Function<T, String> name) {
    return Arrays.stream(values).map(name).collect(Collectors.toSet());
  }
}
