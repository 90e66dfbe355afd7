package org.openfloor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openfloor.edge.CommandGateway;
import org.openfloor.edge.Throttle;
import org.openfloor.live.SessionHub;
import org.openfloor.testing.MainClasses;

/**
 * Every layer points down: {@code app} wires; {@code http} and {@code bridge} are transports; {@code edge} is
 * the one door of commands; {@code live} runs sessions; {@code report} renders; {@code log} stores;
 * {@code live.wire} holds the JSON formats (codecs, views, frames, snapshots, addresses); {@code domain} is the
 * rules. Nothing reaches up, and no transport submits a command past the door.
 */
@DisplayName("The layers")
class LayersTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = MainClasses.imported();
  }

  @Test
  @DisplayName("point down: app → http, bridge → edge → live → live.wire, log → domain; report under http")
  void pointDown() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("app").definedBy("org.openfloor.app..")
        .layer("http").definedBy("org.openfloor.http..")
        .layer("bridge").definedBy("org.openfloor.bridge..")
        .layer("edge").definedBy("org.openfloor.edge..")
        .layer("live").definedBy("org.openfloor.live")
        .layer("wire").definedBy("org.openfloor.live.wire..")
        .layer("report").definedBy("org.openfloor.report..")
        .layer("log").definedBy("org.openfloor.log..")
        .layer("domain").definedBy("org.openfloor.domain..")
        .whereLayer("app").mayNotBeAccessedByAnyLayer()
        .whereLayer("http").mayOnlyBeAccessedByLayers("app")
        .whereLayer("bridge").mayOnlyBeAccessedByLayers("app")
        .whereLayer("edge").mayOnlyBeAccessedByLayers("app", "http", "bridge")
        .whereLayer("live").mayOnlyBeAccessedByLayers("app", "http", "bridge", "edge")
        .whereLayer("wire").mayOnlyBeAccessedByLayers("app", "http", "bridge", "edge", "live")
        .whereLayer("report").mayOnlyBeAccessedByLayers("http")
        .whereLayer("log").mayOnlyBeAccessedByLayers("app", "live")
        .whereLayer("domain").mayOnlyBeAccessedByLayers("app", "http", "bridge", "edge", "live", "wire", "report")
        .check(classes);
  }

  @Test
  @DisplayName("the transports submit commands only through the edge's door")
  void transportsUseTheDoor() {
    noClasses().that().resideInAnyPackage("org.openfloor.http..", "org.openfloor.bridge..")
        .should().dependOnClassesThat().areAssignableTo(CommandGateway.class)
        .orShould().callMethod(Throttle.class, "admit", SessionHub.class, String.class, String.class, String.class)
        .because("canonical code, token hash, throttle, decode and submit happen once, in edge.CommandDoor")
        .check(classes);
  }
}
