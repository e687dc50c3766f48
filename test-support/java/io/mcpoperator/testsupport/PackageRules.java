package io.mcpoperator.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.util.Map;
import java.util.Set;

/**
 * The package rules every module's main code keeps (issue 10), checked with ArchUnit on the compiled
 * classes: package dependencies run one way (no cycle between any two packages), and the root
 * package, where {@code Main} wires the program together, is used by no other package.
 */
public final class PackageRules {
  private final String root;
  private final JavaClasses classes;

  private PackageRules(String root, JavaClasses classes) {
    this.root = root;
    this.classes = classes;
  }

  /** The module's own main classes under {@code root} (no test classes, nothing from jars). */
  public static PackageRules of(String root) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(root);
    if (classes.isEmpty()) {
      throw new AssertionError("no main classes found under " + root);
    }
    return new PackageRules(root, classes);
  }

  /** Fails, naming the cycle and the edges that make it, when packages depend on each other. */
  public PackageRules assertNoCycles() {
    slices()
        .matching(root.substring(0, root.lastIndexOf('.') + 1) + "(**)")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .because("package dependencies run one way")
        .check(classes);
    return this;
  }

  /** Fails when a package below the root uses a class of the root package (the wiring). */
  public PackageRules assertRootIsUsedByNoPackage() {
    noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(root)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root)
        .because(root + " wires the program together and is used by nothing below it")
        .allowEmptyShould(true)
        .check(classes);
    return this;
  }

  /** Fails when a class in {@code lower} (a package below the root) uses one in {@code upper}. */
  public PackageRules assertDoesNotUse(String lower, String upper) {
    noClasses()
        .that()
        .resideInAPackage(root + "." + lower + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + "." + upper + "..")
        .because(lower + " sits below " + upper)
        .check(classes);
    return this;
  }

  /** The JDK methods that read the process environment or system properties, by owner. */
  private static final Map<String, Set<String>> CONFIGURATION_READS =
      Map.of(
          "java.lang.System", Set.of("getenv", "getProperty", "getProperties"),
          "java.lang.Long", Set.of("getLong"),
          "java.lang.Integer", Set.of("getInteger"),
          "java.lang.Boolean", Set.of("getBoolean"));

  /**
   * Fails when a class below the root package, other than {@code allowed} (fully qualified names),
   * reads the environment or a system property (a call or a method reference of {@code
   * System.getenv}, {@code System.getProperty}, {@code Long.getLong}, ...): configuration is read
   * once, in the root package's {@code Main}, and passed down.
   */
  public PackageRules assertReadsConfigurationOnlyInRoot(String... allowed) {
    GivenClassesConjunction below =
        noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root);
    for (String name : allowed) {
      below = below.and().doNotHaveFullyQualifiedName(name);
    }
    below
        .should()
        .accessTargetWhere(
            new DescribedPredicate<JavaAccess<?>>(
                "read the environment or system properties (System.getenv, System.getProperty,"
                    + " Long.getLong, ...)") {
              @Override
              public boolean test(JavaAccess<?> access) {
                AccessTarget target = access.getTarget();
                return CONFIGURATION_READS
                    .getOrDefault(target.getOwner().getName(), Set.of())
                    .contains(target.getName());
              }
            })
        .because("configuration is read once, in " + root + ".Main, and passed down")
        .check(classes);
    return this;
  }
}
