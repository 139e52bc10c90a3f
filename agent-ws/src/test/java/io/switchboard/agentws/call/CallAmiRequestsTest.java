package io.switchboard.agentws.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallAmiRequestsTest {

  private final CallAmiRequests plans = new CallAmiRequests(CallTestNode.SETTINGS);

  @Test
  void anAgentsExtensionIsTheResourceOfItsInterface() {
    assertThat(CallAmiRequests.extensionOf("PJSIP/1001")).isEqualTo("1001");
    assertThat(CallAmiRequests.extensionOf("SIP/2002")).isEqualTo("2002");
    assertThat(CallAmiRequests.extensionOf("Local/1003@agents/n")).isEqualTo("1003");
    assertThat(CallAmiRequests.extensionOf("PJSIP/ann@pbx.example.com")).isEqualTo("ann");
    assertThat(CallAmiRequests.extensionOf("PJSIP")).isNull();
    assertThat(CallAmiRequests.extensionOf("PJSIP/")).isNull();
    assertThat(CallAmiRequests.extensionOf("PJSIP/a b")).isNull();
  }

  @Test
  void targetsAreInTheDialOrQueueContext() {
    assertThat(plans.destination(new TransferTarget(TransferTarget.Kind.AGENT, "5"), "PJSIP/1002"))
        .isEqualTo(new Destination("from-internal", "1002"));
    assertThat(plans.destination(new TransferTarget(TransferTarget.Kind.QUEUE, "support"), null))
        .isEqualTo(new Destination("queues", "support"));
    assertThat(
            plans.destination(
                new TransferTarget(TransferTarget.Kind.NUMBER, "+8613800138000"), null))
        .isEqualTo(new Destination("from-internal", "+8613800138000"));
    assertThatThrownBy(
            () -> plans.destination(new TransferTarget(TransferTarget.Kind.AGENT, "5"), "DAHDI"))
        .hasMessageContaining("names no extension");
  }

  @Test
  void aDialWithoutACustomerCarriesNoCustomerVariable() {
    assertThat(
            plans
                .originate(new PendingDial("o1", 7, "PJSIP/1001", null, CallEvents.T0), "+86138")
                .getJsonObject("variables")
                .fieldNames())
        .containsExactlyInAnyOrder("SWITCHBOARD_ORIGINATE_ID", "SWITCHBOARD_AGENT_USER_ID");
  }
}
