package io.switchboard.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads another JVM's used heap after a full collection, with the JDK's {@code jcmd}: {@code
 * GC.run} twice (a G1 {@code System.gc()} is a full, compacting collection), then {@code
 * GC.heap_info}'s {@code used} figure. The same probe serves the node and the plain reference
 * server, so both are measured alike. Blocking: main thread only.
 */
final class HeapProbe {

  private static final Pattern USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

  private HeapProbe() {}

  /** Used heap in bytes after full collections. */
  static long usedAfterGc(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher used = USED.matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("no heap figure in jcmd's answer:\n" + info);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + out);
    }
    return out;
  }
}
