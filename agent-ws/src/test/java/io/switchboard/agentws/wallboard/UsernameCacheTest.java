package io.switchboard.agentws.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class UsernameCacheTest {

  @Test
  void eachIdIsAskedForOnceAndAUserWithoutARowIsNotAskedForAgain() {
    UsernameCache cache = new UsernameCache(10);
    assertThat(cache.claimMissing(List.of(1L, 2L))).containsExactlyInAnyOrder(1L, 2L);
    assertThat(cache.claimMissing(List.of(1L, 2L, 3L))).containsExactly(3L);

    cache.found(Set.of(1L, 2L), Map.of(1L, "alice"));
    assertThat(cache.get(1)).isEqualTo("alice");
    assertThat(cache.get(2)).isNull();
    assertThat(cache.claimMissing(List.of(1L, 2L))).isEmpty();

    cache.failed(Set.of(3L));
    assertThat(cache.claimMissing(List.of(3L))).containsExactly(3L);
  }

  @Test
  void theCacheKeepsItsBoundAndAQueryAsksForAtMostOneBatch() {
    UsernameCache cache = new UsernameCache(2);
    cache.found(Set.of(1L, 2L), Map.of(1L, "a", 2L, "b"));
    cache.get(1); // 2 is now the least recently used
    cache.found(Set.of(3L), Map.of(3L, "c"));
    assertThat(cache.get(2)).isNull();
    assertThat(cache.get(1)).isEqualTo("a");
    assertThat(cache.get(3)).isEqualTo("c");

    List<Long> many = LongStream.rangeClosed(100, 2_000).boxed().toList();
    assertThat(cache.claimMissing(many)).hasSize(UsernameCache.MAX_BATCH);
  }
}
