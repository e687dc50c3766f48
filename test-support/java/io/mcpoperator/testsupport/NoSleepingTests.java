package io.mcpoperator.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The build's check that no test sleeps to wait for a condition (issue 10): a test waits with a
 * deadline (Awaitility's {@code await().atMost(..).until(..)}, a future's {@code get(timeout)}), so
 * it is as fast as the condition and fails with a message when the condition never comes. Sleeping
 * is allowed only in the classes a module names, each with its reason: a fixture that plays a slow
 * peer, a client that drips bytes, a test that lets time pass to show that something does not
 * happen.
 */
public final class NoSleepingTests {
  private NoSleepingTests() {}

  /**
   * Fails, naming each class and call, when a test class under {@code root} calls {@code
   * Thread.sleep} or {@code TimeUnit.sleep}, unless it is a key of {@code allowed} (class name → why).
   */
  public static void check(String root, Map<String, String> allowed) {
    JavaClasses tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(root);
    if (tests.isEmpty()) {
      throw new AssertionError("no test classes found under " + root);
    }
    allowed.forEach(
        (name, why) -> {
          if (why == null || why.isBlank()) {
            throw new AssertionError(name + " is allowed to sleep without a reason");
          }
          if (!tests.contain(name)) {
            throw new AssertionError(name + " is allowed to sleep but is no test class here");
          }
        });
    DescribedPredicate<JavaClass> allowedToSleep =
        DescribedPredicate.describe(
            "allowed to sleep",
            c ->
                allowed.keySet().stream()
                    .anyMatch(
                        a -> c.getName().equals(a) || c.getName().startsWith(a + "$")));
    noClasses()
        .that(DescribedPredicate.not(allowedToSleep))
        .should()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .callMethod(Thread.class, "sleep", long.class, int.class)
        .orShould()
        .callMethod(Thread.class, "sleep", Duration.class)
        .orShould()
        .callMethod(TimeUnit.class, "sleep", long.class)
        .because(
            "a test waits for a condition with a deadline (Awaitility await().atMost(..).until(..)),"
                + " it does not sleep; a class that must sleep is named with its reason")
        .check(tests);
  }
}
