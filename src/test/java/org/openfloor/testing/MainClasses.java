package org.openfloor.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** OpenFloor's main classes (no tests), imported once per test JVM for the ArchUnit rules. */
public final class MainClasses {
  private static JavaClasses classes;

  private MainClasses() {
  }

  public static synchronized JavaClasses imported() {
    if (classes == null) {
      classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.openfloor");
    }
    return classes;
  }
}
