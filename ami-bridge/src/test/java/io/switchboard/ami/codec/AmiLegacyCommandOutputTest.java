package io.switchboard.ami.codec;

import static io.switchboard.ami.codec.AmiFrameDecoderTest.BANNER;
import static io.switchboard.ami.codec.AmiFrameDecoderTest.bytes;
import static io.switchboard.ami.codec.AmiFrameDecoderTest.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The legacy {@code Command} reply of Asterisk 13 and older: {@code Response: Follows}, {@code
 * Privilege: Command}, the optional {@code ActionID}, all with CRLF, then the CLI text exactly as
 * the CLI wrote it (bare LF line ends, blank lines included), then {@code --END COMMAND--\r\n\r\n}
 * ({@code action_command} in asterisk/asterisk 13.38.3 {@code main/manager.c}).
 */
class AmiLegacyCommandOutputTest {

  private static final String HEADERS =
      crlf("Response: Follows", "Privilege: Command", "ActionID: sb-5");

  @Test
  void cliOutputWithBareLfLinesAndBlankLinesIsKeptWhole() {
    String cli =
        "Books_12 has 0 calls (max unlimited) in 'ringall' strategy\n"
            + "   Members: \n"
            + "      9921@okon (Local/9921-12@from-queue/n) (Not in use)\n"
            + "\n"
            + "   No Callers\n"
            + "\n";

    DecodedStream decoded =
        AmiStreamSplits.client(
            bytes(
                BANNER
                    + HEADERS
                    + cli
                    + "--END COMMAND--\r\n\r\n"
                    + crlf("Event: FullyBooted", "Status: Fully Booted", "")));

    assertThat(decoded.error()).isNull();
    assertThat(decoded.messages())
        .containsExactly(
            "RESPONSE Follows {Response: Follows | Privilege: Command | ActionID: sb-5} output=["
                + cli.replace("\n", "\\n")
                + "]",
            "EVENT FullyBooted {Event: FullyBooted | Status: Fully Booted}");
    assertThat(decoded.pending()).isFalse();
  }

  @Test
  void theEndMarkerMayCloseTheLastOutputLine() {
    DecodedStream decoded =
        AmiStreamSplits.client(
            bytes(
                BANNER
                    + HEADERS
                    + "Asterisk 13.38.3 built by root\n"
                    + "No such command 'core show foo'--END COMMAND--\r\n\r\n"));

    assertThat(decoded.messages())
        .containsExactly(
            "RESPONSE Follows {Response: Follows | Privilege: Command | ActionID: sb-5} output=["
                + "Asterisk 13.38.3 built by root\\nNo such command 'core show foo']");
  }

  @Test
  void aReplyWithoutActionIdAndWithoutOutputEndsAtTheMarker() {
    DecodedStream decoded =
        AmiStreamSplits.client(
            bytes(BANNER + crlf("Response: Follows", "Privilege: Command", "--END COMMAND--", "")));

    assertThat(decoded.messages())
        .containsExactly("RESPONSE Follows {Response: Follows | Privilege: Command} output=[]");
  }

  @Test
  void outputThatLooksLikeAHeaderIsStillOutput() {
    DecodedStream decoded =
        AmiStreamSplits.client(
            bytes(
                BANNER
                    + HEADERS
                    + "ActionID: not a header\n"
                    + "Privilege: neither--END COMMAND--\r\n\r\n"));

    assertThat(decoded.messages())
        .containsExactly(
            "RESPONSE Follows {Response: Follows | Privilege: Command | ActionID: sb-5} output=["
                + "ActionID: not a header\\nPrivilege: neither]");
  }

  @Test
  void followsDirectlyFollowedByAnEmptyLineIsAReplyWithoutOutput() {
    // The form in queue-status-list-ast13-mixed.ami (goami2): the headers, then the empty line.
    DecodedStream decoded =
        AmiStreamSplits.client(bytes(BANNER + HEADERS + crlf("", "Response: Success", "")));

    assertThat(decoded.messages())
        .containsExactly(
            "RESPONSE Follows {Response: Follows | Privilege: Command | ActionID: sb-5} output=[]",
            "RESPONSE Success {Response: Success}");
  }

  @Test
  void crlfOutputLinesAndCrlfBlankLinesInsideTheOutputAreOutputToo() {
    DecodedStream decoded =
        AmiStreamSplits.client(
            bytes(BANNER + HEADERS + crlf("first", "", "third", "--END COMMAND--", "")));

    assertThat(decoded.messages())
        .containsExactly(
            "RESPONSE Follows {Response: Follows | Privilege: Command | ActionID: sb-5} output=["
                + "first\\n\\nthird\\n]");
  }

  @Test
  void outputOverTheLimitIsRefusedAndOutputAtTheLimitAccepted() {
    AmiCodecLimits limits = new AmiCodecLimits(64, 16, 100);

    DecodedStream decoded =
        AmiStreamSplits.atEverySplit(
            AmiStreamSplits.CLIENT,
            limits,
            bytes(BANNER + HEADERS + "0123456789\n".repeat(9) + "xy--END COMMAND--\r\n\r\n"));
    DecodedStream justFits =
        AmiStreamSplits.atEverySplit(
            AmiStreamSplits.CLIENT,
            limits,
            bytes(BANNER + HEADERS + "0123456789\n".repeat(9) + "x--END COMMAND--\r\n\r\n"));

    assertThat(decoded.error()).isEqualTo("AMI command output longer than 100 bytes");
    assertThat(justFits.error()).isNull();
  }

  @Test
  void anUnfinishedOutputIsPending() {
    DecodedStream decoded =
        AmiStreamSplits.client(bytes(BANNER + HEADERS + "Members:\n\n   No Callers\n"));

    assertThat(decoded.messages()).isEmpty();
    assertThat(decoded.pending()).isTrue();
  }
}
