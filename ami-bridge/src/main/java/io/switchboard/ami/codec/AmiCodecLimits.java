package io.switchboard.ami.codec;

/**
 * The bounds the AMI decoder enforces so that a broken or hostile peer cannot grow memory without
 * limit.
 *
 * @param maxLineBytes longest header line, CRLF excluded
 * @param maxFields most headers in one message
 * @param maxOutputBytes largest legacy {@code Response: Follows} body
 */
public record AmiCodecLimits(int maxLineBytes, int maxFields, int maxOutputBytes) {

  /**
   * Limits for reading what Asterisk sends: generous, because event lines carry channel variables
   * and caller names, yet far below anything a healthy server produces.
   */
  public static final AmiCodecLimits FROM_ASTERISK = new AmiCodecLimits(16 * 1024, 512, 1 << 20);

  /**
   * Asterisk's own limits on what clients send ({@code main/manager.c}: {@code inbuf[1025]}, {@code
   * AST_MAX_MANHEADERS} = 128), used by the PBX simulator for its input side.
   */
  public static final AmiCodecLimits AS_ASTERISK_READS = new AmiCodecLimits(1024, 128, 0);

  public AmiCodecLimits {
    if (maxLineBytes < 64 || maxFields < 4 || maxOutputBytes < 0) {
      throw new IllegalArgumentException(
          "AMI limits too small: line "
              + maxLineBytes
              + " bytes, "
              + maxFields
              + " fields, output "
              + maxOutputBytes
              + " bytes");
    }
  }
}
