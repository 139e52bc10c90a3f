package io.switchboard.deploy.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link PlainWebSocketServer} in a child JVM with the node's heap options and this JVM's class
 * path; closing it closes the child's input (it then stops) and kills it if it lingers. Blocking:
 * main thread only.
 */
final class PlainServerProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private PlainServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static PlainServerProcess start() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(BenchNode.JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PlainWebSocketServer.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("listening on ")) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "plain-server-output");
        drain.setDaemon(true);
        drain.start();
        return new PlainServerProcess(process, Integer.parseInt(line.substring(13).trim()));
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("the plain WebSocket server exited before listening");
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
