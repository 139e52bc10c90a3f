package io.switchboard.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

  @Test
  void aTokenIs256RandomBitsInUnpaddedBase64Url() {
    String token = BearerTokens.generate();

    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    assertThat(BearerTokens.wellFormed(token)).isTrue();
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      tokens.add(BearerTokens.generate());
    }
    assertThat(tokens).hasSize(1_000);
  }

  @Test
  void aTokenIsStoredUnderItsSha256NotItself() {
    String token = BearerTokens.generate();

    assertThat(BearerTokens.hash(token)).hasSize(64).matches("[0-9a-f]+").doesNotContain(token);
    assertThat(BearerTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void theAuthorizationHeaderGivesTheBearerTokenInAnySchemeCase() {
    assertThat(BearerTokens.fromAuthorization("Bearer abc")).contains("abc");
    assertThat(BearerTokens.fromAuthorization("bearer  abc ")).contains("abc");
    assertThat(BearerTokens.fromAuthorization("Basic dXNlcjpwYXNz")).isEmpty();
    assertThat(BearerTokens.fromAuthorization("Bearer")).isEmpty();
    assertThat(BearerTokens.fromAuthorization(null)).isEmpty();
  }

  @Test
  void malformedTokensAreRecognised() {
    assertThat(BearerTokens.wellFormed("short")).isFalse();
    assertThat(BearerTokens.wellFormed(BearerTokens.generate() + "x")).isFalse();
    assertThat(BearerTokens.wellFormed("+".repeat(43))).isFalse();
    assertThat(BearerTokens.wellFormed(null)).isFalse();
  }
}
