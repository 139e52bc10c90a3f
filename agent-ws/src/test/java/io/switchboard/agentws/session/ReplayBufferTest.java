package io.switchboard.agentws.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayBufferTest {

  private static PushedMessage message(long seq, long at) {
    return new PushedMessage(seq, null, "{\"seq\":" + seq + "}", at);
  }

  @Test
  void aGapInsideTheBufferIsServedInOrder() {
    ReplayBuffer buffer = new ReplayBuffer(10, 60_000);
    for (long seq = 1; seq <= 5; seq++) {
      buffer.add(message(seq, 1_000));
    }

    assertThat(buffer.after(2, 5, 1_000))
        .extracting(PushedMessage::seq)
        .containsExactly(3L, 4L, 5L);
    assertThat(buffer.after(5, 5, 1_000)).isEmpty();
  }

  @Test
  void aGapOlderThanTheBufferIsNotCovered() {
    ReplayBuffer buffer = new ReplayBuffer(3, 60_000);
    for (long seq = 1; seq <= 5; seq++) {
      buffer.add(message(seq, 1_000));
    }

    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.after(1, 5, 1_000)).isNull();
    assertThat(buffer.after(2, 5, 1_000))
        .extracting(PushedMessage::seq)
        .containsExactly(3L, 4L, 5L);
  }

  @Test
  void messagesOlderThanTheWindowNoLongerCoverAGap() {
    ReplayBuffer buffer = new ReplayBuffer(10, 1_000);
    buffer.add(message(1, 1_000));
    buffer.add(message(2, 1_500));

    assertThat(buffer.after(0, 2, 2_200)).isNull();
    assertThat(buffer.after(1, 2, 2_200)).extracting(PushedMessage::seq).containsExactly(2L);
  }

  @Test
  void aSeqBeyondTheStreamIsNotCovered() {
    ReplayBuffer buffer = new ReplayBuffer(10, 60_000);
    buffer.add(message(1, 1_000));

    assertThat(buffer.after(7, 1, 1_000)).isNull();
  }
}
