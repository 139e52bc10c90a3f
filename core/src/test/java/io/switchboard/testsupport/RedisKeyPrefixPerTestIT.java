package io.switchboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.switchboard.core.config.RawSettings;
import io.switchboard.core.config.RedisAddress;
import io.switchboard.core.config.SwitchboardSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisKeyPrefixPerTestIT {

  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private RedisCommands<String, String> commands;

  @BeforeEach
  void connect() {
    RedisAddress address = TestServices.redis();
    client = RedisClient.create(RedisURI.create(address.host(), address.port()));
    connection = client.connect();
    commands = connection.sync();
  }

  @AfterEach
  void disconnect() {
    connection.close();
    client.shutdown(0, 2, TimeUnit.SECONDS);
  }

  @Test
  void closeDeletesEveryKeyUnderItsPrefixAndNoOther() {
    TestRedis mine = TestRedis.create();
    try (TestRedis other = TestRedis.create()) {
      Map<String, String> many = new HashMap<>();
      for (int index = 0; index < 1_500; index++) {
        many.put(mine.keyPrefix() + "key:" + index, "value");
      }
      commands.mset(many);
      commands.hset(mine.keyPrefix() + "hash", "field", "value");
      commands.set(other.keyPrefix() + "key", "kept");

      mine.close();

      assertThat(commands.keys(mine.keyPrefix() + "*")).isEmpty();
      assertThat(commands.get(other.keyPrefix() + "key")).isEqualTo("kept");
    }
  }

  @Test
  void settingsCarryAUniquePrefixThatTheSettingsAccept() {
    try (TestRedis first = TestRedis.create();
        TestRedis second = TestRedis.create()) {
      assertThat(first.keyPrefix()).isNotEqualTo(second.keyPrefix()).startsWith("test-");
      assertThat(first.settings().keyPrefix()).isEqualTo(first.keyPrefix());
      assertThat(first.settings().address()).contains(TestServices.redis());
      assertThat(
              SwitchboardSettings.from(
                      RawSettings.defaults()
                          .with(Map.of("redis.key-prefix", first.keyPrefix()), "test"))
                  .redis()
                  .keyPrefix())
          .isEqualTo(first.keyPrefix());
    }
  }
}
