package io.switchboard.agentws.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

  private final OriginPolicy sameHostOnly = new OriginPolicy(List.of());

  @Test
  void thePagesOwnHostMayConnectWithOrWithoutTheDefaultPort() {
    assertThat(sameHostOnly.allows("https://cc.example.com", "cc.example.com")).isTrue();
    assertThat(sameHostOnly.allows("https://cc.example.com", "cc.example.com:443")).isTrue();
    assertThat(sameHostOnly.allows("http://CC.example.com:8080", "cc.example.com:8080")).isTrue();
  }

  @Test
  void anotherHostOrPortIsRefused() {
    assertThat(sameHostOnly.allows("https://evil.example.net", "cc.example.com")).isFalse();
    assertThat(sameHostOnly.allows("http://cc.example.com:8081", "cc.example.com:8080")).isFalse();
    assertThat(sameHostOnly.allows("https://cc.example.com", "cc.example.com:80")).isFalse();
    assertThat(sameHostOnly.allows("null", "cc.example.com")).isFalse();
    assertThat(sameHostOnly.allows("https://cc.example.com", null)).isFalse();
  }

  @Test
  void anAllowListedOriginMayConnectFromAnywhere() {
    OriginPolicy listed = new OriginPolicy(List.of("https://wallboard.example.com"));

    assertThat(listed.allows("https://Wallboard.example.com", "cc.example.com")).isTrue();
    assertThat(listed.allows("https://other.example.com", "cc.example.com")).isFalse();
  }

  @Test
  void aClientWithoutOriginIsNotABrowserPageAndMayConnect() {
    assertThat(sameHostOnly.allows(null, "cc.example.com")).isTrue();
  }
}
