package io.switchboard.deploy.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the command line asked for: an optional configuration file ({@code --config FILE}), dev or
 * production mode forced ({@code --dev}, {@code --production}), or help.
 */
public record CommandLine(Optional<Path> configFile, Optional<String> mode, boolean help) {

  /** Usage text printed by {@code --help}. */
  public static final String USAGE =
      """
      Usage: java -jar switchboard.jar [--config FILE] [--dev | --production] [--help]

        --config FILE   read settings from a YAML or JSON file (after the built-in defaults,
                        before SWITCHBOARD_* environment variables)
        --dev           mode=dev: start embedded PostgreSQL and Redis where no URL is set
        --production    mode=production: require postgres.url and redis.url
        --help          print this text

      Every setting and its environment variable is listed in the README.
      """;

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the bad argument
   */
  public static CommandLine parse(List<String> args) {
    Optional<Path> configFile = Optional.empty();
    Optional<String> mode = Optional.empty();
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--config" -> {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException("--config needs a file name");
          }
          configFile = Optional.of(Path.of(args.get(++i)));
        }
        case "--dev" -> mode = Optional.of("dev");
        case "--production" -> mode = Optional.of("production");
        case "--help", "-h" -> help = true;
        default ->
            throw new IllegalArgumentException("unknown argument '" + arg + "' (try --help)");
      }
    }
    return new CommandLine(configFile, mode, help);
  }
}
