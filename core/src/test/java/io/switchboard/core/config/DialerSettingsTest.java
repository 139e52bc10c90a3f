package io.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DialerSettingsTest {

  private static DialerSettings from(Map<String, String> overrides) {
    return SwitchboardSettings.from(RawSettings.defaults().with(overrides, "environment")).dialer();
  }

  @Test
  void theDefaultsDialThroughTheTrunkIntoTheDialerContexts() {
    DialerSettings dialer = from(Map.of());

    assertThat(dialer).isEqualTo(DialerSettings.DEFAULT);
    assertThat(dialer.channelTemplate()).isEqualTo("PJSIP/{number}@trunk");
    assertThat(dialer.context()).isEqualTo("dialer");
    assertThat(dialer.amdContext()).isEqualTo("dialer-amd");
    assertThat(dialer.abandonContext()).isEqualTo("dialer-abandon");
    assertThat(dialer.previewContext()).isEqualTo("dialer-preview");
    assertThat(dialer.groupQueue()).isEqualTo("dialer-hold");
    assertThat(dialer.agentContext()).isEqualTo("from-internal");
  }

  @Test
  void theChannelTemplateAndContextsAreTakenFromTheSettings() {
    DialerSettings dialer =
        from(
            Map.of(
                "dialer.channel-template", "Local/{number}@outbound",
                "dialer.context", "campaigns",
                "dialer.amd-context", "campaigns-amd",
                "dialer.abandon-context", "campaigns.drop",
                "dialer.preview-context", "campaigns-preview",
                "dialer.group-queue", "campaign-hold",
                "dialer.agent-context", "agents"));

    assertThat(dialer)
        .isEqualTo(
            new DialerSettings(
                "Local/{number}@outbound",
                "campaigns",
                "campaigns-amd",
                "campaigns.drop",
                "campaigns-preview",
                "campaign-hold",
                "agents"));
  }

  @Test
  void aChannelTemplateWithoutTheNumberOrWithBlanksIsRefusedNamingTheSetting() {
    Map<String, String> bad =
        Map.of(
            "PJSIP/trunk", "must be <technology>/<resource> with {number}",
            "{number}", "must be <technology>/<resource> with {number}",
            "PJSIP/{number} @trunk", "is not an Originate channel",
            "", "dialer.channel-template");
    bad.forEach(
        (value, problem) ->
            assertThatThrownBy(() -> from(Map.of("dialer.channel-template", value)))
                .as(value)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("dialer.channel-template")
                .hasMessageContaining(problem));
  }

  @Test
  void eachContextMustBeAContextNameAndTheErrorNamesItsKey() {
    for (String key :
        new String[] {
          "dialer.context",
          "dialer.amd-context",
          "dialer.abandon-context",
          "dialer.preview-context",
          "dialer.agent-context"
        }) {
      assertThatThrownBy(() -> from(Map.of(key, "dialer amd")))
          .as(key)
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining(key)
          .hasMessageContaining("'dialer amd' is not a dialplan context name");
      assertThatThrownBy(() -> from(Map.of(key, ""))).as(key).hasMessageContaining(key);
    }
  }

  @Test
  void theGroupQueueMustBeAQueueNameAndTheErrorSaysSo() {
    assertThatThrownBy(() -> from(Map.of("dialer.group-queue", "dialer hold")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("dialer.group-queue")
        .hasMessageContaining("'dialer hold' is not a queue name");
  }
}
