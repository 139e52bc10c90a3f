package io.switchboard.ami.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmiLoginTest {

  @Test
  void theMd5KeyIsTheLowerHexDigestOfChallengeThenSecret() {
    // Challenge from the real capture login-md5-challenge-ami7.ami; digest computed independently.
    assertThat(AmiLogin.md5Key("145769581", "mysecret"))
        .isEqualTo("64a9dd58a0dc90a8f248ffa922086d3d");
    // RFC 1321 test vector "abc", split between challenge and secret.
    assertThat(AmiLogin.md5Key("a", "bc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
  }
}
