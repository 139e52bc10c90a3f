package io.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmiClientSettingsTest {

  private static AmiClientSettings from(Map<String, String> overrides) {
    return SwitchboardSettings.from(RawSettings.defaults().with(overrides, "environment"))
        .amiClient();
  }

  @Test
  void theDefaultsLogInWithMd5AndReconnectFromHalfASecondToThirtySeconds() {
    AmiClientSettings settings = AmiClientSettings.defaults();

    assertThat(settings.auth()).isEqualTo(AmiClientSettings.AuthType.MD5);
    assertThat(settings.pingInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.actionTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.reconnectMinDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.reconnectMaxDelay()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void plainLoginIsChosenInAnyCase() {
    assertThat(from(Map.of("ami.auth", "PLAIN")).auth())
        .isEqualTo(AmiClientSettings.AuthType.PLAIN);
  }

  @Test
  void anUnknownAuthTypeFailsNamingTheKeyAndTheChoices() {
    assertThatThrownBy(() -> from(Map.of("ami.auth", "sha1")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("ami.auth: must be one of md5, plain (got \"sha1\" from environment)");
  }

  @Test
  void aMinimumReconnectDelayAboveTheMaximumFailsNamingTheKey() {
    assertThatThrownBy(
            () -> from(Map.of("ami.reconnect-min-delay", "40s", "ami.reconnect-max-delay", "30s")))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("ami.reconnect-min-delay"))
        .hasMessageContaining("must not be above ami.reconnect-max-delay");
  }
}
