package io.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

  private static SecuritySettings from(Map<String, String> overrides) {
    return SwitchboardSettings.from(RawSettings.defaults().with(overrides, "environment"))
        .security();
  }

  @Test
  void defaultsGiveEightHourTokensAndFiveFailuresPerQuarterHour() {
    SecuritySettings settings = from(Map.of());

    assertThat(settings.tokenTtl()).isEqualTo(Duration.ofHours(8));
    assertThat(settings.loginMaxFailures()).isEqualTo(5);
    assertThat(settings.loginMaxFailuresPerAddress()).isEqualTo(50);
    assertThat(settings.loginFailureWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.passwordHashThreads()).isEqualTo(2);
    assertThat(settings.bootstrapAdminUsername()).isEqualTo("admin");
    assertThat(settings.bootstrapAdminPassword()).isEmpty();
  }

  @Test
  void aBootstrapPasswordIsKeptButNeverPrinted() {
    SecuritySettings settings =
        from(Map.of("security.bootstrap-admin-password", "correct horse battery"));

    assertThat(settings.bootstrapAdminPassword()).isEqualTo(Optional.of("correct horse battery"));
    assertThat(settings.toString()).doesNotContain("horse").contains("bootstrapAdminPassword=***");
  }

  @Test
  void aTooShortBootstrapPasswordNamesTheKeyWithoutShowingIt() {
    assertThatThrownBy(() -> from(Map.of("security.bootstrap-admin-password", "hunter2")))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("security.bootstrap-admin-password"))
        .hasMessageContaining("must be 12 to 128 characters long")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aTokenLifetimeBeyondAWeekNamesTheKey() {
    assertThatThrownBy(() -> from(Map.of("security.token-ttl", "200h")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("security.token-ttl: must be from 60s to 604800s");
  }

  @Test
  void aBadBootstrapUsernameNamesTheKey() {
    assertThatThrownBy(() -> from(Map.of("security.bootstrap-admin-username", "the admin")))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("security.bootstrap-admin-username"));
  }
}
