package io.switchboard.core.health;

/** The result of one health check: up, or down with the reason. */
public record ComponentHealth(String name, boolean up, String detail) {

  public static ComponentHealth up(String name) {
    return new ComponentHealth(name, true, "");
  }

  public static ComponentHealth down(String name, String detail) {
    return new ComponentHealth(name, false, detail);
  }
}
