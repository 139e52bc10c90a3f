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
    assertThat(console.wrapUp()).isEqualTo(WrapUpPolicy.DEFAULT);
  }

  @Test
  void wrapUpRulesNameTheirQueueTimeAndWhatFollows() {
    WrapUpPolicy wrapUp =
        from(Map.of("console.wrap-up", " *=20s, sales=1m:not-ready ,vip=0s:ready,")).wrapUp();

    assertThat(wrapUp.forQueue("support")).isEqualTo(new WrapUpRule(Duration.ofSeconds(20), true));
    assertThat(wrapUp.forQueue(null)).isEqualTo(new WrapUpRule(Duration.ofSeconds(20), true));
    assertThat(wrapUp.forQueue("sales")).isEqualTo(new WrapUpRule(Duration.ofMinutes(1), false));
    assertThat(wrapUp.forQueue("vip")).isEqualTo(new WrapUpRule(Duration.ZERO, true));
    // Without '*' the other queues keep 30 s then ready.
    assertThat(from(Map.of("console.wrap-up", "sales=5s")).wrapUp().forQueue("support"))
        .isEqualTo(WrapUpPolicy.DEFAULT.defaults());
  }

  @Test
  void aBadWrapUpRuleIsRefusedNamingTheSettingAndTheRule() {
    Map<String, String> bad =
        Map.of(
            "sales", "is not <queue>=<time>",
            "sales=soon", "the time in 'sales=soon' must be a duration",
            "sales=2h", "longer than 1h",
            "sales=1m:later", "'later' in 'sales=1m:later' must be ready or not-ready",
            "sales=1m,sales=2m", "queue 'sales' is given twice",
            "*=1m,*=2m", "'*' is given twice",
            "sa les=1m", "'sa les' in 'sa les=1m' is not a queue name");
    bad.forEach(
        (value, problem) ->
            assertThatThrownBy(() -> from(Map.of("console.wrap-up", value)))
                .as(value)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("console.wrap-up")
                .hasMessageContaining(problem));
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
