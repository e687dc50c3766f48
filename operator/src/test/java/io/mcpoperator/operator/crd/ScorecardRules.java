package io.mcpoperator.operator.crd;

import static io.mcpoperator.operator.crd.OlmBundle.listAt;
import static io.mcpoperator.operator.crd.OlmBundle.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The static tests of {@code operator-sdk scorecard} (olm-bundle/tests/scorecard/config.yaml),
 * ported from operator-sdk {@code internal/scorecard/tests/} (basic.go, olm.go, crhelper.go). A
 * test's failed state is an ERROR finding, its suggestions are SUGGESTION findings. The custom
 * resources it checks are the CSV's {@code alm-examples}, as in scorecard.
 *
 * <p>{@link #descriptorsCoverSchema} goes further than scorecard, which looks only at the fields
 * the examples happen to set: every top-level spec and status field of each CRD has a descriptor,
 * every descriptor path exists in the schema, and every x-descriptor is one the console knows.
 */
final class ScorecardRules {
  /** OpenShift console's SpecCapability values (prefixes end with a colon). */
  static final Set<String> SPEC_CAPABILITIES =
      Set.of(
          "urn:alm:descriptor:com.tectonic.ui:podCount",
          "urn:alm:descriptor:com.tectonic.ui:endpointList",
          "urn:alm:descriptor:com.tectonic.ui:label",
          "urn:alm:descriptor:com.tectonic.ui:resourceRequirements",
          "urn:alm:descriptor:com.tectonic.ui:selector:",
          "urn:alm:descriptor:com.tectonic.ui:namespaceSelector",
          "urn:alm:descriptor:io.kubernetes:",
          "urn:alm:descriptor:com.tectonic.ui:booleanSwitch",
          "urn:alm:descriptor:com.tectonic.ui:password",
          "urn:alm:descriptor:com.tectonic.ui:checkbox",
          "urn:alm:descriptor:com.tectonic.ui:imagePullPolicy",
          "urn:alm:descriptor:com.tectonic.ui:updateStrategy",
          "urn:alm:descriptor:com.tectonic.ui:text",
          "urn:alm:descriptor:com.tectonic.ui:number",
          "urn:alm:descriptor:com.tectonic.ui:nodeAffinity",
          "urn:alm:descriptor:com.tectonic.ui:podAffinity",
          "urn:alm:descriptor:com.tectonic.ui:podAntiAffinity",
          "urn:alm:descriptor:com.tectonic.ui:fieldGroup:",
          "urn:alm:descriptor:com.tectonic.ui:arrayFieldGroup:",
          "urn:alm:descriptor:com.tectonic.ui:select:",
          "urn:alm:descriptor:com.tectonic.ui:advanced",
          "urn:alm:descriptor:com.tectonic.ui:fieldDependency:",
          "urn:alm:descriptor:com.tectonic.ui:hidden");

  /** OpenShift console's StatusCapability values. */
  static final Set<String> STATUS_CAPABILITIES =
      Set.of(
          "urn:alm:descriptor:com.tectonic.ui:podStatuses",
          "urn:alm:descriptor:com.tectonic.ui:podCount",
          "urn:alm:descriptor:org.w3:link",
          "urn:alm:descriptor:io.kubernetes.conditions",
          "urn:alm:descriptor:text",
          "urn:alm:descriptor:prometheusEndpoint",
          "urn:alm:descriptor:io.kubernetes.phase",
          "urn:alm:descriptor:io.kubernetes.phase:reason",
          "urn:alm:descriptor:com.tectonic.ui:password",
          "urn:alm:descriptor:io.kubernetes:",
          "urn:alm:descriptor:com.tectonic.ui:hidden");

  private ScorecardRules() {}

  /** basic.go CheckSpecTest (basic-check-spec). */
  static List<Finding> basicCheckSpec(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> cr : customResources(b, "basic-check-spec", out)) {
      if (cr.get("spec") == null) {
        out.add(Finding.suggestion("basic-check-spec/checkSpec", "spec missing from " + name(cr)));
      }
    }
    return out;
  }

  /**
   * olm.go BundleValidationTest (olm-bundle-validation): the bundle format check and the default
   * validators (CSV, CRD, bundle); their warnings are scorecard suggestions.
   */
  static List<Finding> bundleValidation(OlmBundle b) {
    return Stream.of(
            OperatorFrameworkRules.bundleFormat(b),
            OperatorFrameworkRules.csv(b),
            OperatorFrameworkRules.crd(b),
            OperatorFrameworkRules.bundle(b))
        .flatMap(List::stream)
        .map(
            f ->
                new Finding(
                    f.severity() == Finding.Severity.ERROR
                        ? Finding.Severity.ERROR
                        : Finding.Severity.SUGGESTION,
                    "olm-bundle-validation via " + f.rule(),
                    f.message()))
        .toList();
  }

  /** olm.go CRDsHaveValidationTest (olm-crds-have-validation) and isCRFromCRDApi. */
  static List<Finding> crdsHaveValidation(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    String rule = "olm-crds-have-validation/isCRFromCRDApi";
    for (Map<String, Object> cr : customResources(b, rule, out)) {
      String version = text(cr, "apiVersion").replaceFirst(".*/", "");
      for (Map<String, Object> crd : b.crds()) {
        if (!text(crd, "spec", "names", "kind").equalsIgnoreCase(text(cr, "kind"))) {
          continue;
        }
        for (Object v : listAt(crd, "spec", "versions")) {
          if (!text(v, "name").equalsIgnoreCase(version)) {
            continue;
          }
          if (YamlTree.at(v, "schema", "openAPIV3Schema") == null) {
            out.add(Finding.suggestion(rule, "Add CRD validation for " + text(cr, "kind")));
            continue;
          }
          for (String part : List.of("spec", "status")) {
            Object props =
                YamlTree.at(v, "schema", "openAPIV3Schema", "properties", part, "properties");
            if (cr.get(part) instanceof Map<?, ?> fields) {
              for (Object key : fields.keySet()) {
                if (!(props instanceof Map<?, ?> p) || !p.containsKey(key)) {
                  out.add(
                      Finding.error(
                          rule,
                          "Add CRD validation for "
                              + part
                              + " field `"
                              + key
                              + "` in "
                              + name(cr)));
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** olm.go CRDsHaveResourcesTest / CheckResources (olm-crds-have-resources). */
  static List<Finding> crdsHaveResources(OlmBundle b) {
    for (Object owned : b.owned()) {
      if (listAt(owned, "resources").isEmpty()) {
        return List.of(
            Finding.error(
                "olm-crds-have-resources/CheckResources",
                "Owned CRDs do not have resources specified: " + text(owned, "name")));
      }
    }
    return List.of();
  }

  /** olm.go SpecDescriptorsTest / checkOwnedCSVSpecDescriptors (olm-spec-descriptors). */
  static List<Finding> specDescriptors(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    String rule = "olm-spec-descriptors/checkOwnedCSVSpecDescriptors";
    for (Map<String, Object> cr : customResources(b, rule, out)) {
      if (!(cr.get("spec") instanceof Map<?, ?> spec)) {
        out.add(Finding.error(rule, name(cr) + " has no spec"));
        continue;
      }
      Optional<Object> owned = ownedFor(b, cr);
      if (owned.isEmpty()) {
        out.add(Finding.error(rule, "Failed to find an owned CRD for CR " + name(cr)));
        continue;
      }
      Set<String> paths = paths(owned.get(), "specDescriptors");
      for (Object key : spec.keySet()) {
        if (!paths.contains(key.toString())) {
          out.add(Finding.error(rule, key + " does not have a spec descriptor (" + name(cr) + ")"));
        }
      }
    }
    return out;
  }

  /** olm.go StatusDescriptorsTest / checkOwnedCSVStatusDescriptor (olm-status-descriptors). */
  static List<Finding> statusDescriptors(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    String rule = "olm-status-descriptors/checkOwnedCSVStatusDescriptor";
    for (Map<String, Object> cr : customResources(b, rule, out)) {
      Optional<Object> owned = ownedFor(b, cr);
      if (owned.isEmpty()) {
        out.add(Finding.error(rule, "Failed to find an owned CRD for CR " + name(cr)));
        continue;
      }
      boolean hasStatus = cr.get("status") instanceof Map<?, ?> s && !s.isEmpty();
      if (!hasStatus) {
        out.add(
            Finding.suggestion(
                rule, text(owned.get(), "name") + " does not have status spec (" + name(cr) + ")"));
      } else if (listAt(owned.get(), "statusDescriptors").isEmpty()) {
        out.add(
            Finding.error(rule, text(owned.get(), "name") + " does not have a status descriptor"));
      }
    }
    return out;
  }

  /**
   * Stricter than scorecard: descriptors for every top-level spec and status field of each owned
   * CRD's schema, paths that exist in it, and x-descriptors the console knows.
   */
  static List<Finding> descriptorsCoverSchema(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    for (Object owned : b.owned()) {
      Optional<Map<String, Object>> crd = b.crd(text(owned, "kind"));
      if (crd.isEmpty()) {
        continue;
      }
      Object schema = YamlTree.at(crd.get(), "spec", "versions", 0, "schema", "openAPIV3Schema");
      for (String part : List.of("spec", "status")) {
        String list = part + "Descriptors";
        Set<String> capabilities = part.equals("spec") ? SPEC_CAPABILITIES : STATUS_CAPABILITIES;
        Set<String> paths = paths(owned, list);
        Object props = YamlTree.at(schema, "properties", part, "properties");
        if (props instanceof Map<?, ?> fields) {
          for (Object field : fields.keySet()) {
            if (!paths.contains(field.toString())) {
              out.add(
                  Finding.error(
                      "project/descriptors-cover-schema",
                      text(owned, "kind")
                          + " "
                          + part
                          + "."
                          + field
                          + " has no "
                          + list
                          + " entry"));
            }
          }
        }
        for (Object d : listAt(owned, list)) {
          String path = text(d, "path");
          if (!resolves(YamlTree.at(schema, "properties", part), path)) {
            out.add(
                Finding.error(
                    "project/descriptor-paths-exist",
                    text(owned, "kind")
                        + " "
                        + list
                        + " path "
                        + path
                        + " is not in the CRD schema"));
          }
          for (Object x : listAt(d, "x-descriptors")) {
            if (capabilities.stream()
                .noneMatch(
                    c ->
                        c.endsWith(":")
                            ? x.toString().startsWith(c) && x.toString().length() > c.length()
                            : c.equals(x))) {
              out.add(
                  Finding.error(
                      "project/known-x-descriptors",
                      text(owned, "kind")
                          + " "
                          + path
                          + ": "
                          + x
                          + " is not a console "
                          + part
                          + " capability"));
            }
          }
        }
      }
    }
    return out;
  }

  /** crhelper.go GetCRs: the alm-examples; a parse failure is an error of the calling test. */
  private static List<Map<String, Object>> customResources(
      OlmBundle b, String rule, List<Finding> out) {
    try {
      return b.almExamples();
    } catch (IllegalArgumentException e) {
      out.add(Finding.error(rule, "failed to parse alm-examples annotation: " + e.getMessage()));
      return List.of();
    }
  }

  private static Optional<Object> ownedFor(OlmBundle b, Map<String, Object> cr) {
    String version = text(cr, "apiVersion").replaceFirst(".*/", "");
    return b.owned().stream()
        .filter(o -> text(o, "kind").equals(text(cr, "kind")))
        .filter(o -> text(o, "version").equals(version))
        .findFirst();
  }

  private static Set<String> paths(Object owned, String list) {
    Set<String> paths = new LinkedHashSet<>();
    listAt(owned, list).forEach(d -> paths.add(text(d, "path")));
    return paths;
  }

  /** A dotted descriptor path through properties (and items of arrays) of a schema. */
  private static boolean resolves(Object schema, String path) {
    Object node = schema;
    for (String step : path.split("\\.")) {
      while ("array".equals(YamlTree.at(node, "type"))) {
        node = YamlTree.at(node, "items");
      }
      node = YamlTree.at(node, "properties", step.replaceFirst("\\[\\d+]$", ""));
      if (node == null) {
        return false;
      }
    }
    return true;
  }

  private static String name(Map<String, Object> cr) {
    return text(cr, "kind") + "/" + text(cr, "metadata", "name");
  }
}
