package io.switchboard.ami.testpeer;

import io.switchboard.ami.codec.AmiCodecLimits;
import io.switchboard.ami.codec.AmiFrameDecoder;
import io.switchboard.ami.codec.AmiFrameEncoder;
import io.switchboard.ami.codec.AmiFrameListener;
import io.switchboard.ami.codec.AmiMessage;
import io.switchboard.ami.codec.AmiProtocolException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One client connection of the {@link ScriptedAmiPeer}: decodes the client's actions with the real
 * codec and writes answers and events in order (in small separate writes when the peer dribbles).
 * Writes may be requested from any thread; they are serialized on the peer's context.
 */
public final class PeerSession implements AmiFrameListener {

  private final ScriptedAmiPeer peer;
  private final NetSocket socket;
  private final AmiFrameDecoder decoder;
  private final List<AmiMessage> actions = new CopyOnWriteArrayList<>();
  private Future<Void> writes = Future.succeededFuture();
  private volatile boolean closed;

  PeerSession(ScriptedAmiPeer peer, NetSocket socket) {
    this.peer = peer;
    this.socket = socket;
    this.decoder = AmiFrameDecoder.forServer(this, AmiCodecLimits.AS_ASTERISK_READS);
    socket.handler(
        chunk -> {
          try {
            decoder.feed(chunk.getBytes());
          } catch (AmiProtocolException broken) {
            close();
          }
        });
    socket.closeHandler(ignored -> closed = true);
  }

  static String md5Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException(missing);
    }
  }

  @Override
  public void onBanner(String banner) {
    throw new IllegalStateException("clients send no banner");
  }

  @Override
  public void onMessage(AmiMessage action) {
    actions.add(action);
    peer.dispatch(this, action);
  }

  /** Every action the client sent on this session, in order. */
  public List<AmiMessage> actions() {
    return List.copyOf(actions);
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Answers {@code action} as Asterisk's {@code astman_send_response_full} lays it out: {@code
   * Response}, the action's {@code ActionID}, then {@code headers} given as key, value, key, ....
   */
  public void reply(AmiMessage action, String response, String... headers) {
    AmiMessage.Builder answer =
        AmiMessage.response(response).withOptional("ActionID", action.actionId());
    for (int i = 0; i < headers.length; i += 2) {
      answer.with(headers[i], headers[i + 1]);
    }
    send(answer.build());
  }

  /**
   * Answers a list action as Asterisk's {@code astman_send_listack} does: the start response, the
   * items with the action's ActionID, then the completion event with {@code ListItems}.
   */
  public void list(
      AmiMessage action, String message, String completeEvent, List<AmiMessage> items) {
    reply(action, "Success", "EventList", "start", "Message", message);
    for (AmiMessage item : items) {
      send(item.with("ActionID", action.actionId()));
    }
    send(
        AmiMessage.event(completeEvent)
            .with("ActionID", action.actionId())
            .with("EventList", "Complete")
            .with("ListItems", String.valueOf(items.size()))
            .build());
  }

  public void send(AmiMessage message) {
    sendBytes(AmiFrameEncoder.encode(message));
  }

  public void sendRaw(String text) {
    sendBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes bytes after everything written before; when the peer dribbles, in pieces of its dribble
   * size, each in a timer tick of its own.
   */
  public synchronized void sendBytes(byte[] bytes) {
    int piece = peer.dribbleBytes();
    writes =
        writes.compose(
            previous -> {
              if (piece == 0) {
                return socket.write(Buffer.buffer(bytes));
              }
              Future<Void> inPieces = Future.succeededFuture();
              for (int from = 0; from < bytes.length; from += piece) {
                Buffer chunk =
                    Buffer.buffer().appendBytes(bytes, from, Math.min(piece, bytes.length - from));
                inPieces = inPieces.compose(done -> writeAlone(chunk));
              }
              return inPieces;
            });
  }

  /**
   * Writes one piece in a timer tick of its own: Vert.x flushes writes made while a read is being
   * handled only when it completes, and runs queued tasks back to back, either of which would glue
   * the pieces together again before the client reads them.
   */
  private Future<Void> writeAlone(Buffer chunk) {
    Promise<Void> written = Promise.promise();
    peer.vertx().setTimer(1, tick -> socket.write(chunk).onComplete(written));
    return written.future();
  }

  /** Closes the socket once everything queued before has been written. */
  public synchronized void closeAfterWrites() {
    writes = writes.compose(written -> socket.close());
  }

  /** Closes the socket now (the peer drops the client). */
  public void close() {
    socket.close();
  }
}
