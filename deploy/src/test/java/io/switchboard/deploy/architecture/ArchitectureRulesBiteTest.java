package io.switchboard.deploy.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.switchboard.crm.archfixture.CrmClassThatBreaksTheRules;
import org.junit.jupiter.api.Test;

/** Each architecture rule fails on a class that breaks it, so a passing check means something. */
class ArchitectureRulesBiteTest {

  private final JavaClasses offender =
      new ClassFileImporter().importClasses(CrmClassThatBreaksTheRules.class);

  @Test
  void aFeatureModuleImportingAnotherIsCaught() {
    assertThatThrownBy(
            () -> ArchitectureRules.featureModuleIsolation("io.switchboard.crm..").check(offender))
        .hasMessageContaining("AmiBridge")
        .hasMessageContaining("io.switchboard.deploy.Main");
  }

  @Test
  void lettuceOutsideRedisPackagesIsCaught() {
    assertThatThrownBy(() -> ArchitectureRules.lettuceStaysInRedisPackages().check(offender))
        .hasMessageContaining("RedisClient");
  }

  @Test
  void sqlClientOutsidePersistencePackagesIsCaught() {
    assertThatThrownBy(
            () -> ArchitectureRules.sqlClientStaysInPersistencePackages().check(offender))
        .hasMessageContaining("io.vertx.sqlclient.Pool");
  }

  @Test
  void nettyOutsideTheWireLayerIsCaught() {
    assertThatThrownBy(() -> ArchitectureRules.nettyStaysInWirePackages().check(offender))
        .hasMessageContaining("io.netty.buffer.ByteBuf");
  }
}
