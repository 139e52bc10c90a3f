package io.switchboard.ami.codec;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ProtocolIdentifierReceivedEvent;
import org.asteriskjava.manager.internal.ManagerReaderImpl;
import org.asteriskjava.manager.internal.backwardsCompatibility.BackwardsCompatibilityForManagerEvents;
import org.asteriskjava.util.SocketConnectionFacade;
import org.asteriskjava.util.internal.SocketConnectionFacadeImpl;
import org.asteriskjava.util.internal.streamreader.FastScanner;
import org.asteriskjava.util.internal.streamreader.FastScannerFactory;

/**
 * Runs Asterisk-Java 3.42.2's own reading path over a byte array, without a socket: its {@code
 * ManagerReaderImpl} reads lines from the same {@code FastScanner} (CRLF delimiter) its socket
 * facade uses, builds responses and event beans with {@code ResponseBuilderImpl} and {@code
 * EventBuilderImpl}, and hands them through its {@code AsyncEventPump} thread to a dispatcher we
 * supply. Test support for the differential test and the benchmark.
 */
final class AsteriskJavaReader {

  private AsteriskJavaReader() {}

  /**
   * Everything the reader dispatched for the stream, in order, without the banner and disconnect
   * events it makes up itself.
   *
   * @param legacyEvents whether to keep Asterisk-Java's synthesised legacy events (a BridgeEvent
   *     made from BridgeEnter/Leave, MeetMe ones from ConfBridge); they are not on the wire
   */
  static List<Object> read(byte[] stream, boolean legacyEvents) {
    List<Object> dispatched = Collections.synchronizedList(new ArrayList<>());
    run(stream, legacyEvents, dispatched::add);
    List<Object> wire = new ArrayList<>();
    for (Object item : dispatched) {
      if (!(item instanceof ProtocolIdentifierReceivedEvent)
          && !(item instanceof DisconnectEvent)) {
        wire.add(item);
      }
    }
    return wire;
  }

  /** Reads the whole stream on the calling thread; returns once the pump has dispatched it all. */
  static void run(byte[] stream, boolean legacyEvents, Consumer<Object> sink) {
    try {
      Class<?> dispatcherType = Class.forName("org.asteriskjava.manager.internal.Dispatcher");
      // Dispatcher is package-private; a proxy is defined in its package and may implement it.
      InvocationHandler handler =
          (proxy, method, args) -> {
            switch (method.getName()) {
              case "dispatchEvent", "dispatchResponse" -> sink.accept(args[0]);
              case "hashCode" -> {
                return System.identityHashCode(proxy);
              }
              case "equals" -> {
                return proxy == args[0];
              }
              case "toString" -> {
                return "test dispatcher";
              }
              default -> {}
            }
            return null;
          };
      Object dispatcher =
          Proxy.newProxyInstance(
              dispatcherType.getClassLoader(), new Class<?>[] {dispatcherType}, handler);
      Constructor<ManagerReaderImpl> constructor =
          ManagerReaderImpl.class.getConstructor(dispatcherType, Object.class);
      ManagerReaderImpl reader = constructor.newInstance(dispatcher, "differential-test");
      if (!legacyEvents) {
        Field compatibility = ManagerReaderImpl.class.getDeclaredField("compatibility");
        compatibility.setAccessible(true);
        compatibility.set(reader, new NoLegacyEvents());
      }
      reader.setSocket(new ByteStreamSocket(stream));
      reader.run();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Asterisk-Java 3.42.2 internals are not as expected", e);
    }
  }

  /** Keeps Asterisk-Java from inventing legacy events that are not on the wire. */
  private static final class NoLegacyEvents extends BackwardsCompatibilityForManagerEvents {
    @Override
    public ManagerEvent handleEvent(ManagerEvent event) {
      return null;
    }
  }

  /** Asterisk-Java's socket facade over bytes: the same scanner, CRLF as the line delimiter. */
  private static final class ByteStreamSocket implements SocketConnectionFacade {
    private final FastScanner scanner;

    ByteStreamSocket(byte[] stream) {
      this.scanner =
          FastScannerFactory.getReader(
              new InputStreamReader(new ByteArrayInputStream(stream), StandardCharsets.UTF_8),
              SocketConnectionFacadeImpl.CRNL_PATTERN);
    }

    @Override
    public String readLine() throws java.io.IOException {
      return scanner.next();
    }

    @Override
    public void write(String s) {}

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public boolean isConnected() {
      return true;
    }

    @Override
    public InetAddress getLocalAddress() {
      return InetAddress.getLoopbackAddress();
    }

    @Override
    public int getLocalPort() {
      return 0;
    }

    @Override
    public InetAddress getRemoteAddress() {
      return InetAddress.getLoopbackAddress();
    }

    @Override
    public int getRemotePort() {
      return 5038;
    }
  }
}
