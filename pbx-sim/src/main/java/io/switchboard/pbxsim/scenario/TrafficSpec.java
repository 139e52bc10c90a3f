package io.switchboard.pbxsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The seeded inbound traffic profile.
 *
 * @param rate arrivals, e.g. {@code 5/s}, {@code 120/m}, {@code 900/h} (Poisson)
 * @param queues queue name to weight; empty = every queue equally
 * @param answerDelay how long members let the phone ring before answering
 * @param talk conversation length
 * @param patience how long a caller waits before abandoning
 * @param agentHangupShare the share of calls the agent ends (0..1)
 * @param maxConcurrentCalls arrivals are skipped while this many channels are live
 */
public record TrafficSpec(
    String rate,
    Map<String, Double> queues,
    Duration answerDelay,
    Duration talk,
    Duration patience,
    Double agentHangupShare,
    Integer maxConcurrentCalls) {

  public TrafficSpec {
    rate = rate == null ? "1/s" : rate;
    perSecond(rate);
    queues = queues == null ? Map.of() : Map.copyOf(queues);
    answerDelay = answerDelay == null ? Duration.uniform(2, 6) : answerDelay;
    talk = talk == null ? Duration.exponential(180, 1800) : talk;
    patience = patience == null ? Duration.exponential(90, 600) : patience;
    agentHangupShare = agentHangupShare == null ? 0.3 : agentHangupShare;
    if (agentHangupShare < 0 || agentHangupShare > 1) {
      throw new IllegalArgumentException("agentHangupShare must be within 0..1");
    }
    maxConcurrentCalls = maxConcurrentCalls == null ? 2_000 : maxConcurrentCalls;
  }

  public static TrafficSpec defaults() {
    return new TrafficSpec(null, null, null, null, null, null, null);
  }

  public TrafficSpec withRate(String newRate) {
    return new TrafficSpec(
        newRate, queues, answerDelay, talk, patience, agentHangupShare, maxConcurrentCalls);
  }

  /** Parses {@code N/s}, {@code N/m} or {@code N/h} into arrivals per second. */
  public static double perSecond(String rate) {
    String[] parts = rate.trim().split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "rate must look like 5/s, 120/m or 900/h, got '" + rate + "'");
    }
    double n;
    try {
      n = Double.parseDouble(parts[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate must start with a number, got '" + rate + "'");
    }
    double per =
        switch (parts[1].trim()) {
          case "s" -> 1;
          case "m" -> 60;
          case "h" -> 3600;
          default ->
              throw new IllegalArgumentException("rate unit must be s, m or h, got '" + rate + "'");
        };
    if (n < 0) {
      throw new IllegalArgumentException("rate must not be negative, got '" + rate + "'");
    }
    return n / per;
  }

  /** Queue weights as a list, for a stable draw order. */
  public List<Map.Entry<String, Double>> weights() {
    return queues.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }
}
