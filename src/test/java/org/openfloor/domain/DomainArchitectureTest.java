package org.openfloor.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openfloor.testing.MainClasses;

@DisplayName("The domain package")
class DomainArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = MainClasses.imported();
  }

  @Test
  @DisplayName("is plain Java: no Vert.x, Netty, logging, JDBC or other OpenFloor layer")
  void domainIsPlainJava() {
    noClasses().that().resideInAPackage("org.openfloor.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "org.slf4j..", "java.sql..",
            "org.openfloor.live..", "org.openfloor.log..", "org.openfloor.http..", "org.openfloor.bridge..",
            "org.openfloor.app..", "org.openfloor.report..")
        .because("the domain is deterministic plain Java: no framework, no I/O, no edges")
        .check(classes);
  }

  @Test
  @DisplayName("reads no clock and no randomness")
  void domainUsesNoClockOrRandomness() {
    noClasses().that().resideInAPackage("org.openfloor.domain..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
        .because("applying an entry must use only the entry and the state")
        .check(classes);
  }

  @Test
  @DisplayName("is really imported, so the rules above cannot pass vacuously")
  void importsTheDomain() {
    org.assertj.core.api.Assertions.assertThat(classes.contain(Session.class)).isTrue();
  }
}
