package io.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RawSettingsTest {

  private static final Duration MIN = Duration.ofMillis(100);
  private static final Duration MAX = Duration.ofHours(2);

  private static RawSettings withValue(String key, String value) {
    return RawSettings.defaults().with(Map.of(key, value), "switchboard.properties");
  }

  @ParameterizedTest
  @CsvSource({"500ms, 500", "5s, 5000", "2m, 120000", "1h, 3600000"})
  void durationsAreANumberAndAUnit(String text, long millis) {
    assertThat(withValue("shutdown.timeout", text).duration("shutdown.timeout", MIN, MAX))
        .isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "5 s", "5sec", "1.5s", "-5s", "s", "5S"})
  void aDurationWithoutAKnownUnitNamesTheKeyTheValueAndTheOrigin(String text) {
    assertThatThrownBy(
            () -> withValue("shutdown.timeout", text).duration("shutdown.timeout", MIN, MAX))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("shutdown.timeout"))
        .hasMessageStartingWith("shutdown.timeout: must be a duration such as 500ms, 5s, 2m or 1h")
        .hasMessageContaining("got \"" + text + "\" from switchboard.properties");
  }

  @Test
  void aDurationOutsideItsRangeSaysTheRange() {
    assertThatThrownBy(
            () -> withValue("shutdown.timeout", "3h").duration("shutdown.timeout", MIN, MAX))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "shutdown.timeout: must be from 100ms to 7200s (got \"3h\" from"
                + " switchboard.properties)");
  }

  @Test
  void integersAreReadWithinTheirRange() {
    assertThat(withValue("http.port", "8081").integer("http.port", 0, 65_535)).isEqualTo(8081);
    assertThat(withValue("http.port", " 0 ").integer("http.port", 0, 65_535)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"65536", "-1", "http", "80.5", "99999999999"})
  void portOutOfRangeNamesTheKey(String port) {
    assertThatThrownBy(() -> withValue("http.port", port).integer("http.port", 0, 65_535))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("http.port"))
        .hasMessage(
            "http.port: must be a whole number from 0 to 65535 (got \""
                + port
                + "\" from switchboard.properties)");
  }

  @Test
  void choicesAreReadInAnyCase() {
    assertThat(withValue("log.format", "JSON").choice("log.format", LogSettings.Format.class))
        .isEqualTo(LogSettings.Format.JSON);
    assertThat(withValue("log.format", "text").choice("log.format", LogSettings.Format.class))
        .isEqualTo(LogSettings.Format.TEXT);
  }

  @Test
  void anUnknownChoiceListsTheAllowedOnes() {
    assertThatThrownBy(
            () -> withValue("log.format", "xml").choice("log.format", LogSettings.Format.class))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "log.format: must be one of text, json (got \"xml\" from switchboard.properties)");
  }

  @Test
  void anUnknownKeyIsRejectedWithItsOrigin() {
    assertThatThrownBy(
            () -> RawSettings.defaults().with(Map.of("http.prot", "8080"), "environment"))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("http.prot"))
        .hasMessage("http.prot: unknown setting (from environment)");
  }

  @Test
  void eachValueRemembersWhereItCameFrom() {
    RawSettings raw =
        RawSettings.defaults()
            .with(Map.of("http.port", "9000"), "switchboard.properties")
            .with(Map.of("log.level", "debug"), "environment");

    assertThat(raw.origin("http.port")).isEqualTo("switchboard.properties");
    assertThat(raw.origin("log.level")).isEqualTo("environment");
    assertThat(raw.origin("http.host")).isEqualTo("default");
  }

  @Test
  void laterOverridesWinAndValuesAreTrimmed() {
    RawSettings raw =
        RawSettings.defaults()
            .with(Map.of("http.host", "10.0.0.1"), "file")
            .with(Map.of("http.host", "  127.0.0.1\t"), "environment");

    assertThat(raw.text("http.host")).isEqualTo("127.0.0.1");
  }

  @Test
  void anEmptyRequiredSettingNamesTheKey() {
    assertThatThrownBy(() -> withValue("http.host", " ").required("http.host"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("http.host: must not be empty (got \"\" from switchboard.properties)");
  }

  @Test
  void aKeyOutsideTheCatalogueIsAProgrammingError() {
    assertThatThrownBy(() -> RawSettings.defaults().text("no.such.key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no.such.key");
  }

  @Test
  void errorsHideThePasswordOfAUrl() {
    RawSettings raw = withValue("postgres.url", "postgresql://app:s3cret@db:5432/calls?ssl=true");

    assertThatThrownBy(() -> SwitchboardSettings.from(raw))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("postgres.url: has unsupported parameter 'ssl'")
        .hasMessageContaining("postgresql://app:***@db:5432/calls")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void errorsHideAPasswordGivenAsAParameter() {
    RawSettings raw = withValue("postgres.url", "postgresql://db/calls?password=s3cret&user=");

    assertThatThrownBy(() -> SwitchboardSettings.from(raw))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("postgres.url: names no user")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void errorsHideEveryAmiSecret() {
    RawSettings raw =
        withValue("ami.servers", "pbx1=ami://admin:hunter2@pbx1,pbx2=ami://ops:swordfish@");

    assertThatThrownBy(() -> SwitchboardSettings.from(raw))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("ami.servers: server pbx2:")
        .hasMessageContaining("pbx1=ami://admin:***@pbx1")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("swordfish");
  }

  @Test
  void secretRedactionLeavesUrlsWithoutPasswordsAlone() {
    assertThat(SecretRedaction.redact("redis://127.0.0.1:6379/0"))
        .isEqualTo("redis://127.0.0.1:6379/0");
    assertThat(SecretRedaction.redact("postgresql://app@db/calls"))
        .isEqualTo("postgresql://app@db/calls");
    assertThat(SecretRedaction.redact("redis://:s3cret@cache:6379"))
        .isEqualTo("redis://:***@cache:6379");
  }

  @Test
  void errorsHideAPasswordThatHoldsAnAt() {
    RawSettings raw = withValue("postgres.url", "postgresql://app:p@ssw0rd@db/calls");

    assertThatThrownBy(() -> SwitchboardSettings.from(raw))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageNotContaining("ssw0rd");
  }
}
