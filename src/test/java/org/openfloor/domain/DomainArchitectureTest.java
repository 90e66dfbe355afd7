package org.openfloor.domain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.openfloor", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("org.openfloor.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "org.slf4j..", "java.sql..",
          "org.openfloor.live..", "org.openfloor.log..", "org.openfloor.http..", "org.openfloor.bridge..",
          "org.openfloor.app..", "org.openfloor.report..")
      .because("the domain is deterministic plain Java: no framework, no I/O, no edges");

  @ArchTest
  static final ArchRule domainUsesNoClockOrRandomness = noClasses().that().resideInAPackage("org.openfloor.domain..")
      .should().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(System.class, "nanoTime")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
      .because("applying an entry must use only the entry and the state");
}
