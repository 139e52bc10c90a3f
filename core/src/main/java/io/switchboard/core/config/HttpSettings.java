package io.switchboard.core.config;

/** Where the HTTP server listens and how large a request body may be. */
public record HttpSettings(String host, int port, int maxBodySize) {

  static HttpSettings from(RawSettings raw) {
    return new HttpSettings(
        raw.required("http.host"),
        raw.integer("http.port", 0, 65_535),
        raw.integer("http.max-body-size", 1_024, 64 * 1_024 * 1_024));
  }
}
