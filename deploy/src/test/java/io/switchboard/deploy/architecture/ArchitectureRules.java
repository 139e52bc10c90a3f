package io.switchboard.deploy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules that keep Switchboard's architecture easy to see (STYLE.md): dependencies point from
 * feature modules to {@code core} and from everything to nothing in {@code deploy}; feature modules
 * never import each other (they talk over the event bus); driver types stay in the package that
 * owns the driver.
 */
final class ArchitectureRules {

  static final String CORE = "io.switchboard.core..";
  static final String DEPLOY = "io.switchboard.deploy..";

  /** Root package of each feature module. */
  static final List<String> FEATURE_MODULES =
      List.of(
          "io.switchboard.ami..",
          "io.switchboard.agentws..",
          "io.switchboard.crm..",
          "io.switchboard.dialer..",
          "io.switchboard.pbxsim..");

  private ArchitectureRules() {}

  static ArchRule coreDependsOnNoModule() {
    return noClasses()
        .that()
        .resideInAPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(withDeploy())
        .because("core is the bottom layer every module builds on");
  }

  /** A feature module imports neither another feature module nor deploy. */
  static ArchRule featureModuleIsolation(String module) {
    List<String> others =
        new java.util.ArrayList<>(FEATURE_MODULES.stream().filter(m -> !m.equals(module)).toList());
    others.add(DEPLOY);
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage(module)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(others.toArray(String[]::new));
    if (module.equals("io.switchboard.pbxsim..")) {
      // The simulator speaks AMI with the bridge's codec (STYLE.md), and nothing else of it.
      rule =
          noClasses()
              .that()
              .resideInAPackage(module)
              .should()
              .dependOnClassesThat(
                  com.tngtech.archunit.base.DescribedPredicate.describe(
                      "are in another module (except the AMI codec)",
                      type ->
                          others.stream()
                                  .anyMatch(
                                      pkg ->
                                          type.getPackageName()
                                              .startsWith(pkg.substring(0, pkg.length() - 2)))
                              && !type.getPackageName().startsWith("io.switchboard.ami.codec")));
    }
    return rule.because("feature modules talk over event-bus addresses defined in core")
        .allowEmptyShould(true);
  }

  static ArchRule lettuceStaysInRedisPackages() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("..redis..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.lettuce..")
        .because("stores return domain records; Lettuce types stay in redis packages");
  }

  static ArchRule sqlClientStaysInPersistencePackages() {
    return noClasses()
        .that()
        .resideOutsideOfPackages("..persistence..", "io.switchboard.core.embedded..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vertx.sqlclient..", "io.vertx.pgclient..", "java.sql..", "org.flywaydb..")
        .because("repositories return domain records; SQL types stay in persistence packages");
  }

  static ArchRule nettyStaysInWirePackages() {
    return noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.switchboard.ami.codec..",
            "io.switchboard.ami.connection..",
            // Lettuce hands back Netty futures (ClientResources#shutdown).
            "..redis..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.netty..")
        .because(
            "Netty types stay in the AMI wire layer and the Redis driver package; the rest uses Vert.x");
  }

  /** Pacing is pure Java so that the simulator and the live runner share it (issue #6). */
  static ArchRule pacingIsPureJava() {
    return noClasses()
        .that()
        .resideInAPackage("io.switchboard.dialer.pacing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vertx..", "io.netty..", "io.lettuce..", "io.switchboard.dialer.simulation..")
        .because("pacing policies run unchanged in the simulator and behind the AMI bridge");
  }

  private static String[] withDeploy() {
    List<String> all = new java.util.ArrayList<>(FEATURE_MODULES);
    all.add(DEPLOY);
    return all.toArray(String[]::new);
  }
}
