package io.switchboard.agentws.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain blocking socket that upgrades to a WebSocket and then reads only when told: the slowest
 * possible client, with a small receive buffer so that the kernel stops taking data soon. Used on
 * the test thread only, never on an event loop.
 */
final class BlockingWebSocket implements AutoCloseable {

  private final Socket socket;

  private BlockingWebSocket(Socket socket) {
    this.socket = socket;
  }

  static BlockingWebSocket connect(int port, String token) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4 * 1024);
    socket.setSoTimeout(20_000);
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    socket
        .getOutputStream()
        .write(
            ("GET /ws?token="
                    + token
                    + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the handshake: " + head);
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade: " + head);
    }
    return new BlockingWebSocket(socket);
  }

  /** Reads everything until the server closes the connection; false if it stays open 20 s. */
  boolean drainUntilClosed() throws IOException {
    byte[] buffer = new byte[64 * 1024];
    InputStream in = socket.getInputStream();
    try {
      while (in.read(buffer) >= 0) {
        // discard
      }
      return true;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
