package io.switchboard.ami.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AmiReconnectPolicyTest {

  private static final Duration MIN = Duration.ofMillis(500);
  private static final Duration MAX = Duration.ofSeconds(30);

  @Test
  void theCeilingDoublesFromTheMinimumAfterEachFailureUpToTheMaximum() {
    AmiReconnectPolicy policy = new AmiReconnectPolicy(MIN, MAX);

    assertThat(IntStream.range(0, 9).mapToLong(policy::ceilingMs).boxed().toList())
        .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
    assertThat(policy.ceilingMs(Integer.MAX_VALUE)).isEqualTo(30_000L);
  }

  @Test
  void theDelayIsDrawnFromZeroUpToTheCeilingInclusive() {
    AmiReconnectPolicy lowest = new AmiReconnectPolicy(MIN, MAX, bound -> 0);
    AmiReconnectPolicy highest = new AmiReconnectPolicy(MIN, MAX, bound -> bound - 1);

    assertThat(lowest.delayMs(3)).isZero();
    assertThat(highest.delayMs(0)).isEqualTo(500L);
    assertThat(highest.delayMs(3)).isEqualTo(4_000L);
    assertThat(highest.delayMs(40)).isEqualTo(30_000L);
  }

  @Test
  void randomDelaysSpreadOverTheWholeRangeAndNeverLeaveIt() {
    AmiReconnectPolicy policy = new AmiReconnectPolicy(MIN, MAX);

    List<Long> delays = IntStream.range(0, 2_000).mapToObj(n -> policy.delayMs(2)).toList();

    assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(0L, 2_000L));
    assertThat(delays).anySatisfy(delay -> assertThat(delay).isLessThan(1_000L));
    assertThat(delays).anySatisfy(delay -> assertThat(delay).isGreaterThanOrEqualTo(1_000L));
  }
}
