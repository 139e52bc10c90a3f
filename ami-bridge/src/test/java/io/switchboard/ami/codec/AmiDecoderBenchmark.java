package io.switchboard.ami.codec;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.ami.tracker.CallRecord;
import io.switchboard.ami.tracker.CallTracker;
import io.switchboard.ami.tracker.CallTrackerSink;
import io.switchboard.core.call.PbxEvent;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events per second of four ways to read the same AMI byte stream, in one run, side by side: a bare
 * frame counter (CRLFCRLF), our client decoder, Asterisk-Java 3.42.2's reader building its beans
 * (its real path, with its pump thread and legacy events), and our decoder feeding the call tracker
 * (a marked hook the integrator fills in). Not a test: it prints figures, nothing fails on machine
 * noise. Run it as ami-bridge/README.md says.
 *
 * <p>Allocation is counted on the calling thread only, so Asterisk-Java's pump thread is not in its
 * figure. The stream (synthetic, built from real captures): the basic-call capture repeated with
 * fresh Uniqueids, Linkedids and channel names, and after every fifth call the queue status and
 * queue pause replies and events.
 */
public final class AmiDecoderBenchmark {

  private static final int CHUNK = 64 * 1024;
  private static final Pattern CHANNEL_SUFFIX = Pattern.compile("-0000003([cd])");

  private AmiDecoderBenchmark() {}

  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    byte[] stream = stream(calls);
    long messages = countWithOurDecoder(stream);
    System.out.printf(
        Locale.ROOT,
        "AMI stream: %d calls, %,d messages, %.1f MB (JVM %s, %d CPUs)%n",
        calls,
        messages,
        stream.length / 1e6,
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors());

    double size = stream.length / (double) messages;
    Result frames =
        measure("bare frame counter (CRLFCRLF)", rounds, messages, size, () -> frames(stream));
    Result ours =
        measure("our AmiFrameDecoder", rounds, messages, size, () -> countWithOurDecoder(stream));
    Result asteriskJava =
        measure(
            "Asterisk-Java 3.42.2 reader + beans",
            rounds,
            messages,
            size,
            () -> asteriskJava(stream));
    Result tracker = trackerHook(stream, rounds, messages);

    System.out.printf(
        Locale.ROOT,
        "%n%-40s %14s %14s %10s %14s%n",
        "reader (median of " + rounds + " rounds)",
        "events/s",
        "events/CPU-s",
        "MB/s",
        "alloc B/event");
    for (Result result : new Result[] {frames, ours, asteriskJava, tracker}) {
      System.out.println(result.line());
    }
    System.out.printf(
        Locale.ROOT,
        "%nour decoder vs Asterisk-Java: %.1fx wall clock, %.1fx per CPU second%n",
        ours.eventsPerSecond / asteriskJava.eventsPerSecond,
        ours.eventsPerCpuSecond / asteriskJava.eventsPerCpuSecond);
  }

  /** The decoder feeding a call tracker, as the AMI client does: what a node spends per event. */
  private static Result trackerHook(byte[] stream, int rounds, long messages) {
    return measure(
        "our decoder + call tracker",
        rounds,
        messages,
        stream.length / (double) messages,
        () -> countWithTracker(stream));
  }

  static long countWithTracker(byte[] stream) {
    long[] count = new long[1];
    CallTracker tracker =
        new CallTracker(
            "bench",
            Clock.systemUTC(),
            new CallTrackerSink() {
              @Override
              public void publish(PbxEvent event) {
                count[0]++;
              }

              @Override
              public void callFinished(CallRecord record) {
                count[0]++;
              }
            },
            new SimpleMeterRegistry());
    long[] decoded = new long[1];
    AmiFrameDecoder decoder =
        AmiFrameDecoder.forClient(
            new AmiFrameListener() {
              @Override
              public void onBanner(String banner) {}

              @Override
              public void onMessage(AmiMessage message) {
                decoded[0]++;
                if (message.kind() == AmiMessageKind.EVENT) {
                  tracker.onEvent("bench", message);
                }
              }
            },
            AmiCodecLimits.FROM_ASTERISK);
    for (int from = 0; from < stream.length; from += CHUNK) {
      decoder.feed(stream, from, Math.min(CHUNK, stream.length - from));
    }
    if (count[0] == 0) {
      throw new IllegalStateException("the tracker produced nothing: the benchmark is broken");
    }
    return decoded[0];
  }

  static long countWithOurDecoder(byte[] stream) {
    long[] count = new long[1];
    AmiFrameDecoder decoder =
        AmiFrameDecoder.forClient(
            new AmiFrameListener() {
              @Override
              public void onBanner(String banner) {}

              @Override
              public void onMessage(AmiMessage message) {
                count[0]++;
              }
            },
            AmiCodecLimits.FROM_ASTERISK);
    for (int from = 0; from < stream.length; from += CHUNK) {
      decoder.feed(stream, from, Math.min(CHUNK, stream.length - from));
    }
    return count[0];
  }

  /** Counts CRLFCRLF with the decoder's own eight-bytes-at-a-time LF search: a ceiling. */
  static long frames(byte[] stream) {
    long count = 0;
    int lf = AmiFrameDecoder.indexOfLf(stream, 3, stream.length);
    while (lf >= 0) {
      if (stream[lf - 1] == '\r' && stream[lf - 2] == '\n' && stream[lf - 3] == '\r') {
        count++;
      }
      lf = AmiFrameDecoder.indexOfLf(stream, lf + 1, stream.length);
    }
    return count;
  }

  static long asteriskJava(byte[] stream) {
    long[] count = new long[1];
    AsteriskJavaReader.run(stream, true, item -> count[0]++);
    return count[0];
  }

  private static Result measure(
      String name, int rounds, long messages, double bytesPerMessage, LongSupplier run) {
    for (int i = 0; i < 2; i++) {
      run.getAsLong();
    }
    double[] rates = new double[rounds];
    double[] cpuRates = new double[rounds];
    double[] allocations = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long allocatedBefore = allocatedBytes();
      long cpuBefore = processCpuNanos();
      long start = System.nanoTime();
      run.getAsLong();
      long nanos = System.nanoTime() - start;
      long cpuNanos = processCpuNanos() - cpuBefore;
      allocations[i] = (allocatedBytes() - allocatedBefore) / (double) messages;
      rates[i] = messages / (nanos / 1e9);
      cpuRates[i] = messages / (cpuNanos / 1e9);
    }
    Arrays.sort(rates);
    Arrays.sort(cpuRates);
    Arrays.sort(allocations);
    double median = rates[rounds / 2];
    return new Result(
        name,
        median,
        cpuRates[rounds / 2],
        median * bytesPerMessage / 1e6,
        allocations[rounds / 2]);
  }

  /**
   * CPU time of the whole process (every thread, GC and JIT included). On a shared machine this is
   * steadier than the wall clock, and it charges Asterisk-Java for its second (pump) thread.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Bytes allocated so far by the calling thread (HotSpot); other threads are not counted. */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** The basic call again and again with fresh ids, queue traffic after every fifth call. */
  static byte[] stream(int calls) {
    String call = new String(AmiCaptures.raw(AmiCaptures.BASIC_CALL), StandardCharsets.UTF_8);
    byte[] queueStatus = withoutBanner(AmiCaptures.serverOutput(AmiCaptures.QUEUE_STATUS));
    byte[] queuePause = withoutBanner(AmiCaptures.serverOutput(AmiCaptures.QUEUE_PAUSE));
    ByteArrayOutputStream out = new ByteArrayOutputStream(calls * (call.length() + 2000));
    out.writeBytes(AmiCaptures.SYNTHETIC_BANNER.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < calls; i++) {
      String fresh = call.replace("1598887681.", (1700000000L + i) + ".");
      Matcher suffix = CHANNEL_SUFFIX.matcher(fresh);
      int base = i * 2;
      fresh =
          suffix.replaceAll(
              m -> String.format(Locale.ROOT, "-%08x", base + (m.group(1).equals("c") ? 0 : 1)));
      out.writeBytes(fresh.getBytes(StandardCharsets.UTF_8));
      if (i % 5 == 4) {
        out.writeBytes(queueStatus);
        out.writeBytes(queuePause);
      }
    }
    return out.toByteArray();
  }

  private static byte[] withoutBanner(byte[] stream) {
    return Arrays.copyOfRange(stream, AmiCaptures.SYNTHETIC_BANNER.length(), stream.length);
  }

  /** Median figures of one reader: wall clock, per CPU second, MB/s (wall) and allocation. */
  private record Result(
      String name,
      double eventsPerSecond,
      double eventsPerCpuSecond,
      double megabytesPerSecond,
      double bytesPerEvent) {
    String line() {
      if (Double.isNaN(eventsPerSecond)) {
        return String.format(
            Locale.ROOT, "%-40s %14s %14s %10s %14s", name, "n/a", "n/a", "n/a", "n/a");
      }
      return String.format(
          Locale.ROOT,
          "%-40s %,14.0f %,14.0f %10.1f %,14.0f",
          name,
          eventsPerSecond,
          eventsPerCpuSecond,
          megabytesPerSecond,
          bytesPerEvent);
    }
  }
}
