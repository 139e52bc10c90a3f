package io.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwitchboardSettingsTest {

  private static final String PG_URL = "postgresql://app:s3cret@db:5432/switchboard";
  private static final String REDIS_URL = "redis://:s3cret@cache:6379/0";

  private static SwitchboardSettings from(Map<String, String> overrides) {
    return SwitchboardSettings.from(RawSettings.defaults().with(overrides, "environment"));
  }

  @Test
  void theDefaultsAreAValidDevConfiguration() {
    SwitchboardSettings settings = SwitchboardSettings.from(RawSettings.defaults());

    assertThat(settings.mode()).isEqualTo(Mode.DEV);
    assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
    assertThat(settings.http()).isEqualTo(new HttpSettings("0.0.0.0", 8080, 1_048_576));
    assertThat(settings.postgres().address()).isEmpty();
    assertThat(settings.postgres().poolSize()).isEqualTo(10);
    assertThat(settings.postgres().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.redis().address()).isEmpty();
    assertThat(settings.redis().keyPrefix()).isEqualTo("switchboard:");
    assertThat(settings.redis().commandTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.amiServers()).isEmpty();
    assertThat(settings.callLog())
        .isEqualTo(
            new CallLogSettings(
                Path.of("data", "calllog-spool"), 64L * 1024 * 1024, Duration.ofSeconds(5)));
    assertThat(settings.healthCheckTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(8));
    assertThat(settings.log())
        .isEqualTo(new LogSettings(LogSettings.Format.TEXT, LogSettings.Level.INFO));
  }

  @Test
  void everyDefaultInTheCatalogueIsValid() {
    assertThat(SettingCatalog.ALL)
        .allSatisfy(
            setting ->
                assertThat(setting.environmentVariable())
                    .startsWith("SWITCHBOARD_")
                    .matches("[A-Z0-9_]+"));
    assertThat(SettingCatalog.defaults()).hasSameSizeAs(SettingCatalog.ALL);
  }

  @Test
  void theCallLogSpoolCanLiveOutsideTheDataDirectory() {
    SwitchboardSettings settings =
        from(Map.of("calllog.spool-dir", "/var/spool/switchboard", "calllog.spool-max-mb", "2"));

    assertThat(settings.callLog().spoolDir()).isEqualTo(Path.of("/var/spool/switchboard"));
    assertThat(settings.callLog().spoolMaxBytes()).isEqualTo(2L * 1024 * 1024);
  }

  @Test
  void aZeroSpoolSizeFailsNamingTheKey() {
    assertThatThrownBy(() -> from(Map.of("calllog.spool-max-mb", "0")))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("calllog.spool-max-mb"));
  }

  @Test
  void productionWithoutPostgresUrlFailsNamingTheKey() {
    assertThatThrownBy(() -> from(Map.of("mode", "production", "redis.url", REDIS_URL)))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("postgres.url"))
        .hasMessage("postgres.url: is required in production mode (got \"\" from default)");
  }

  @Test
  void productionWithoutRedisUrlFailsNamingTheKey() {
    assertThatThrownBy(() -> from(Map.of("mode", "PRODUCTION", "postgres.url", PG_URL)))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("redis.url"))
        .hasMessage("redis.url: is required in production mode (got \"\" from default)");
  }

  @Test
  void productionWithBothUrlsUsesThem() {
    SwitchboardSettings settings =
        from(Map.of("mode", "production", "postgres.url", PG_URL, "redis.url", REDIS_URL));

    assertThat(settings.mode()).isEqualTo(Mode.PRODUCTION);
    assertThat(settings.postgres().address())
        .contains(new PostgresAddress("db", 5432, "switchboard", "app", "s3cret"));
    assertThat(settings.redis().address())
        .contains(new RedisAddress("cache", 6379, 0, null, "s3cret", false));
  }

  @Test
  void anUnknownModeListsTheModes() {
    assertThatThrownBy(() -> from(Map.of("mode", "staging")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("mode: must be one of dev, production (got \"staging\" from environment)");
  }

  @Test
  void amiServersAreParsedAndABadListNamesTheKey() {
    assertThat(from(Map.of("ami.servers", "pbx1=ami://admin:pw@pbx1")).amiServers())
        .containsExactly(new AmiServerSettings("pbx1", "pbx1", 5038, "admin", "pw"));
    assertThatThrownBy(() -> from(Map.of("ami.servers", "pbx1=ami://admin@pbx1")))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("ami.servers"))
        .hasMessageStartingWith("ami.servers: server pbx1: needs a user and a secret");
  }

  @Test
  void aRedisKeyPrefixWithASpaceNamesTheKey() {
    assertThatThrownBy(() -> from(Map.of("redis.key-prefix", "switch board:")))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            thrown -> assertThat(thrown.key()).isEqualTo("redis.key-prefix"));
  }

  @Test
  void aBadRedisUrlNamesTheKeyAndHidesThePassword() {
    assertThatThrownBy(() -> from(Map.of("redis.url", "redis://:s3cret@cache/x")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("redis.url: database after the host must be a number")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void theCrmDefaultRegionDefaultsToChinaAndABadOneNamesTheKey() {
    assertThat(from(Map.of()).crm().defaultRegion()).isEqualTo("CN");
    assertThat(from(Map.of("crm.default-region", "DE")).crm().defaultRegion()).isEqualTo("DE");
    assertThatThrownBy(() -> from(Map.of("crm.default-region", "china")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("crm.default-region")
        .hasMessageContaining("two-letter country code");
  }

  @Test
  void aTooSmallBodyLimitNamesTheKey() {
    assertThatThrownBy(() -> from(Map.of("http.max-body-size", "10")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("http.max-body-size: must be a whole number from 1024 to 67108864");
  }

  @Test
  void replacingPostgresOrRedisKeepsEverythingElse() {
    SwitchboardSettings settings = from(Map.of("http.port", "9090"));
    PostgresSettings postgres =
        settings.postgres().withAddress(PostgresAddress.parse("postgresql://u@h/d"));
    RedisSettings redis = settings.redis().withAddress(RedisAddress.parse("redis://h"));

    SwitchboardSettings replaced = settings.withPostgres(postgres).withRedis(redis);

    assertThat(replaced.postgres()).isEqualTo(postgres);
    assertThat(replaced.redis()).isEqualTo(redis);
    assertThat(replaced.http().port()).isEqualTo(9090);
    assertThat(replaced.mode()).isEqualTo(settings.mode());
  }
}
