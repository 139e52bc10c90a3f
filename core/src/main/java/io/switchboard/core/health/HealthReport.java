package io.switchboard.core.health;

import java.util.List;

/** The state of every dependency at one moment; up only when all of them are. */
public record HealthReport(List<ComponentHealth> components) {

  public HealthReport {
    components = List.copyOf(components);
  }

  public boolean up() {
    return components.stream().allMatch(ComponentHealth::up);
  }

  /** Names of the components that are down, in check order. */
  public List<String> down() {
    return components.stream().filter(c -> !c.up()).map(ComponentHealth::name).toList();
  }
}
