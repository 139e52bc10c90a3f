package io.switchboard.dialer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.config.DialerSettings;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.SwitchboardSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerSettingsTest {

  @Test
  void theNodesDialerSettingsReachTheRunnersOriginateAndRedirect() {
    DialerSettings node =
        SwitchboardSettings.from(
                RawSettings.defaults()
                    .with(
                        Map.of(
                            "dialer.channel-template", "Local/{number}@outbound",
                            "dialer.context", "campaigns",
                            "dialer.amd-context", "campaigns-amd",
                            "dialer.abandon-context", "campaigns-drop",
                            "dialer.preview-context", "campaigns-preview",
                            "dialer.group-queue", "campaign-hold",
                            "dialer.agent-context", "agents"),
                        "test"))
            .dialer();

    RunnerSettings runner = RunnerSettings.from(node);

    assertThat(runner.channelFor("+8613900000001")).isEqualTo("Local/+8613900000001@outbound");
    assertThat(runner.context()).isEqualTo("campaigns");
    assertThat(runner.amdContext()).isEqualTo("campaigns-amd");
    assertThat(runner.abandonContext()).isEqualTo("campaigns-drop");
    assertThat(runner.previewContext()).isEqualTo("campaigns-preview");
    assertThat(runner.groupQueue()).isEqualTo("campaign-hold");
    assertThat(runner.agentContext()).isEqualTo("agents");
    assertThat(runner.tick()).isEqualTo(RunnerSettings.defaults().tick());
  }

  @Test
  void theCatalogueDefaultsAreTheRunnersDefaults() {
    assertThat(RunnerSettings.from(DialerSettings.DEFAULT)).isEqualTo(RunnerSettings.defaults());
  }

  @Test
  void theLeaseIsRetriedEveryFiveSecondsAndATooShortRetryIsRefusedByName() {
    assertThat(RunnerSettings.defaults().leaseRetry()).isEqualTo(Duration.ofSeconds(5));
    assertThat(RunnerSettings.from(DialerSettings.DEFAULT).leaseRetry())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> RunnerSettings.defaults().withLeaseRetry(Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaseRetry");
  }
}
