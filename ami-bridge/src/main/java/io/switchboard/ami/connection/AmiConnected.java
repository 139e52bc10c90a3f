package io.switchboard.ami.connection;

/**
 * A connection whose server has greeted: the connection and the banner line it sent ({@code
 * Asterisk Call Manager/<AMI version>}, informational only, reference/ami-protocol.md 1.1).
 */
public record AmiConnected(AmiConnection connection, String banner) {}
