package io.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

  private static ConsoleSettings from(Map<String, String> overrides) {
    return SwitchboardSettings.from(RawSettings.defaults().with(overrides, "environment"))
        .console();
  }

  @Test
  void theDefaultsAllowOnlyTheSameHostAndKeepFiveHundredMessagesForFiveMinutes() {
    ConsoleSettings console = from(Map.of());

    assertThat(console.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(console.heartbeatMisses()).isEqualTo(2);
    assertThat(console.replaySize()).isEqualTo(500);
    assertThat(console.replayWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(console.outboundQueue()).isEqualTo(1000);
    assertThat(console.allowedOrigins()).isEmpty();
    assertThat(console.dialContext()).isEqualTo("from-internal");
    assertThat(console.queueContext()).isEqualTo("from-internal");
  }

  @Test
  void theDialAndQueueContextsMustBeContextNames() {
    ConsoleSettings console =
        from(Map.of("console.dial-context", "agents-out", "console.queue-context", "ext-queues"));

    assertThat(console.dialContext()).isEqualTo("agents-out");
    assertThat(console.queueContext()).isEqualTo("ext-queues");
    assertThatThrownBy(() -> from(Map.of("console.dial-context", "from internal")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("console.dial-context")
        .hasMessageContaining("from internal");
    assertThatThrownBy(() -> from(Map.of("console.queue-context", "")))
        .hasMessageContaining("console.queue-context");
  }

  @Test
  void allowedOriginsAreReadLowercaseAndTrimmed() {
    ConsoleSettings console =
        from(Map.of("console.allowed-origins", " https://Console.Example.com:8443 ,http://a.b "));

    assertThat(console.allowedOrigins())
        .isEqualTo(List.of("https://console.example.com:8443", "http://a.b"));
  }

  @Test
  void anAllowedOriginWithAPathOrAnotherSchemeIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> from(Map.of("console.allowed-origins", "https://a.b/console")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("console.allowed-origins")
        .hasMessageContaining("https://a.b/console");
    assertThatThrownBy(() -> from(Map.of("console.allowed-origins", "ftp://a.b")))
        .hasMessageContaining("console.allowed-origins");
  }

  @Test
  void aTooSmallOutboundQueueIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> from(Map.of("console.outbound-queue", "2")))
        .hasMessageContaining("console.outbound-queue");
  }
}
