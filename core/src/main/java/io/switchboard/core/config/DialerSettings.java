package io.switchboard.core.config;

import java.util.regex.Pattern;

/**
 * Settings of the dialer's campaign runner: how an outbound dial reaches the PBX and the dialplan
 * contexts its answered and abandoned calls continue in. Immutable.
 *
 * @param channelTemplate the Originate {@code Channel}, with {@value #NUMBER} for the lead's E.164
 *     number ({@code dialer.channel-template})
 * @param context where an answered call continues when the campaign has AMD off ({@code
 *     dialer.context})
 * @param amdContext the same when AMD is on ({@code dialer.amd-context})
 * @param abandonContext where a live call no agent took within the grace hears the abandon message
 *     ({@code dialer.abandon-context})
 * @param previewContext where a preview dial continues once the agent's phone answered: it dials
 *     the lead ({@code dialer.preview-context})
 * @param groupQueue the memberless queue an agent-group campaign's answered person waits in until
 *     the runner redirects it to an agent ({@code dialer.group-queue})
 * @param agentContext where such a call is redirected to ring the chosen agent at its extension
 *     ({@code dialer.agent-context})
 */
public record DialerSettings(
    String channelTemplate,
    String context,
    String amdContext,
    String abandonContext,
    String previewContext,
    String groupQueue,
    String agentContext) {

  /** The placeholder for the lead's number in {@link #channelTemplate()}. */
  public static final String NUMBER = "{number}";

  /** The built-in values, the same as the catalogue's defaults. */
  public static final DialerSettings DEFAULT =
      new DialerSettings(
          "PJSIP/" + NUMBER + "@trunk",
          "dialer",
          "dialer-amd",
          "dialer-abandon",
          "dialer-preview",
          "dialer-hold",
          "from-internal");

  /** An Originate channel: no blanks, no control characters, at most 200 characters. */
  private static final Pattern CHANNEL = Pattern.compile("[\\x21-\\x7E]{1,200}");

  static DialerSettings from(RawSettings raw) {
    return new DialerSettings(
        channelTemplate(raw),
        ConsoleSettings.context(raw, "dialer.context"),
        ConsoleSettings.context(raw, "dialer.amd-context"),
        ConsoleSettings.context(raw, "dialer.abandon-context"),
        ConsoleSettings.context(raw, "dialer.preview-context"),
        ConsoleSettings.dialplanName(raw, "dialer.group-queue", "queue"),
        ConsoleSettings.context(raw, "dialer.agent-context"));
  }

  private static String channelTemplate(RawSettings raw) {
    String key = "dialer.channel-template";
    String template = raw.required(key);
    if (!CHANNEL.matcher(template).matches()) {
      throw raw.invalid(
          key,
          "'"
              + template
              + "' is not an Originate channel (at most 200 printable characters, no blanks)");
    }
    if (!template.contains(NUMBER) || !template.contains("/")) {
      throw raw.invalid(
          key,
          "'"
              + template
              + "' must be <technology>/<resource> with "
              + NUMBER
              + " where the lead's number goes, e.g. PJSIP/"
              + NUMBER
              + "@trunk");
    }
    return template;
  }
}
