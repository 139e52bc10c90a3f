package io.switchboard.deploy.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks every production class of every module against {@link ArchitectureRules}. */
class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.switchboard");
  }

  @Test
  void productionClassesOfEveryModuleAreImported() {
    org.assertj.core.api.Assertions.assertThat(production.stream().map(c -> c.getPackageName()))
        .anyMatch(name -> name.startsWith("io.switchboard.core"))
        .anyMatch(name -> name.startsWith("io.switchboard.ami"))
        .anyMatch(name -> name.startsWith("io.switchboard.dialer.pacing"))
        .anyMatch(name -> name.startsWith("io.switchboard.deploy"))
        .noneMatch(name -> name.startsWith("io.switchboard.testsupport"));
  }

  @Test
  void coreDependsOnNoOtherModule() {
    ArchitectureRules.coreDependsOnNoModule().check(production);
  }

  @Test
  void featureModulesDoNotImportEachOther() {
    ArchitectureRules.FEATURE_MODULES.forEach(
        module -> ArchitectureRules.featureModuleIsolation(module).check(production));
  }

  @Test
  void lettuceTypesStayInRedisPackages() {
    ArchitectureRules.lettuceStaysInRedisPackages().check(production);
  }

  @Test
  void sqlClientTypesStayInPersistencePackages() {
    ArchitectureRules.sqlClientStaysInPersistencePackages().check(production);
  }

  @Test
  void pacingPoliciesArePureJava() {
    ArchitectureRules.pacingIsPureJava().check(production);
  }

  @Test
  void nettyTypesStayInTheAmiWireLayer() {
    ArchitectureRules.nettyStaysInWirePackages().check(production);
  }
}
