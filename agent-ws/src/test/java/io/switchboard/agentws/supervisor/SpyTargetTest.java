package io.switchboard.agentws.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpyTargetTest {

  @Test
  void thePrefixMatchesTheInterfacesChannelsAndNoOtherPhones() {
    String prefix = SpyTarget.channelPrefix("PJSIP/100");
    assertThat("PJSIP/100-0000002a").startsWith(prefix);
    assertThat("PJSIP/1001-0000002b").doesNotStartWith(prefix);
    assertThat(SpyTarget.channelPrefix("SIP/agent7")).isEqualTo("SIP/agent7-");
  }

  @Test
  void dialOptionsOfALocalInterfaceAreLeftOut() {
    String prefix = SpyTarget.channelPrefix("Local/1001@agents/n");
    assertThat(prefix).isEqualTo("Local/1001@agents-");
    assertThat("Local/1001@agents-0000000b;1").startsWith(prefix);
  }

  @Test
  void anInterfaceThatIsNotTechSlashResourceIsRefused() {
    assertThatThrownBy(() -> SpyTarget.channelPrefix("1001"))
        .hasMessageContaining("'1001' is not Tech/resource");
    assertThatThrownBy(() -> SpyTarget.channelPrefix(null)).hasMessageContaining("no interface");
  }
}
