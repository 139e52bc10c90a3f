package io.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisAddressTest {

  @Test
  void aPlainUrlIsHostAndPortOnDatabaseZero() {
    assertThat(RedisAddress.parse("redis://127.0.0.1:6379"))
        .isEqualTo(new RedisAddress("127.0.0.1", 6379, 0, null, null, false));
  }

  @Test
  void thePortDefaultsTo6379() {
    assertThat(RedisAddress.parse("redis://cache/").port()).isEqualTo(6379);
  }

  @Test
  void aPasswordAloneHasNoUser() {
    assertThat(RedisAddress.parse("redis://:s3cret@cache:6380/2"))
        .isEqualTo(new RedisAddress("cache", 6380, 2, null, "s3cret", false));
  }

  @Test
  void anAclUserComesWithItsPassword() {
    assertThat(RedisAddress.parse("rediss://switchboard:p%40ss@cache.example.com/15"))
        .isEqualTo(new RedisAddress("cache.example.com", 6379, 15, "switchboard", "p@ss", true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://cache:6379         | must start with redis:// or rediss:// (got scheme http)",
        "cache:6379                | must start with redis:// or rediss://",
        "redis:///0                | has no host",
        "redis://cache/?timeout=5  | takes no query parameters",
        "redis://cache/zero        | database after the host must be a number, not zero",
        "redis://cache/256         | database must be from 0 to 255",
        "redis://cache/-1          | database must be from 0 to 255",
        "redis://ca che            | is not a URL"
      })
  void aMalformedUrlSaysWhatIsWrong(String url, String problem) {
    assertThatThrownBy(() -> RedisAddress.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void thePrintedFormHidesThePassword() {
    assertThat(RedisAddress.parse("redis://:s3cret@cache/1").toString())
        .isEqualTo("redis://:***@cache:6379/1");
    assertThat(RedisAddress.parse("rediss://ops:s3cret@cache").toString())
        .isEqualTo("rediss://ops:***@cache:6379/0");
    assertThat(RedisAddress.parse("redis://cache").toString()).isEqualTo("redis://cache:6379/0");
  }

  @Test
  void aPlusInThePasswordIsKept() {
    assertThat(RedisAddress.parse("redis://:a+b@cache").password()).isEqualTo("a+b");
  }
}
