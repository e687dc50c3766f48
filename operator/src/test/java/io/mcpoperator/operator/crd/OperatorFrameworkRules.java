package io.mcpoperator.operator.crd;

import static io.mcpoperator.operator.crd.OlmBundle.listAt;
import static io.mcpoperator.operator.crd.OlmBundle.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of {@code operator-sdk bundle validate ./olm-bundle --select-optional
 * suite=operatorframework}, ported from operator-framework/api {@code pkg/validation/internal}
 * (csv.go, crd.go, bundle.go, operatorhubv2.go, standardcapabilities.go, standardcategories.go,
 * removed_apis.go, good_practices.go, annotations.go, typecheck.go) and operator-registry {@code
 * pkg/lib/bundle/validate.go}. One method per validator; every finding names the Go function it
 * ports. Where a Go check is looser than its documentation says, the port follows the documentation
 * and says so.
 */
final class OperatorFrameworkRules {
  static final Set<String> CAPABILITIES =
      Set.of("Basic Install", "Seamless Upgrades", "Full Lifecycle", "Deep Insights", "Auto Pilot");
  static final Set<String> CATEGORIES =
      Set.of(
          "AI/Machine Learning",
          "Application Runtime",
          "Big Data",
          "Cloud Provider",
          "Developer Tools",
          "Database",
          "Integration & Delivery",
          "Logging & Tracing",
          "Monitoring",
          "Modernization & Migration",
          "Networking",
          "OpenShift Optional",
          "Security",
          "Storage",
          "Streaming & Messaging",
          "Observability");

  /** operator-registry supported_resources.go: kinds a registry+v1 bundle may carry. */
  private static final Set<String> SUPPORTED_KINDS =
      Set.of(
          "ClusterServiceVersion",
          "CustomResourceDefinition",
          "Secret",
          "ClusterRole",
          "ClusterRoleBinding",
          "ConfigMap",
          "ServiceAccount",
          "Service",
          "Role",
          "RoleBinding",
          "PrometheusRule",
          "ServiceMonitor",
          "PodDisruptionBudget",
          "PriorityClass",
          "VerticalPodAutoscaler",
          "ConsoleYAMLSample",
          "ConsoleQuickStart",
          "ConsoleCLIDownload",
          "ConsoleLink",
          "ConsolePlugin",
          "NetworkPolicy",
          "PodMonitor");

  private static final Set<String> ICON_TYPES =
      Set.of("image/gif", "image/jpeg", "image/png", "image/svg+xml");
  private static final Set<String> INSTALL_MODES =
      Set.of("OwnNamespace", "SingleNamespace", "MultiNamespace", "AllNamespaces");
  private static final Set<String> CASE_SENSITIVE_ANNOTATIONS =
      Set.of(
          "olm.operatorGroup",
          "olm.operatorNamespace",
          "olm.targetNamespaces",
          "olm.providedAPIs",
          "olm.skipRange");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  /** semver.Parse: MAJOR.MINOR.PATCH, optional pre-release and build, no leading v. */
  static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

  /** distribution/reference grammar, as ParseNormalizedNamed accepts it. */
  private static final Pattern IMAGE_REFERENCE =
      Pattern.compile(
          "((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*"
              + "[a-zA-Z0-9])?)*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
              + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
              + "(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");
  private static final long MAX_BUNDLE_SIZE = 1 << 20;

  private OperatorFrameworkRules() {}

  /** operator-registry ValidateBundleFormat and validateAnnotations, and supported kinds. */
  static List<Finding> bundleFormat(OlmBundle b) {
    String rule = "registry/ValidateBundleFormat";
    List<Finding> out = new ArrayList<>();
    for (String dir : List.of("manifests", "metadata")) {
      if (!b.directories().contains(dir)) {
        out.add(Finding.error(rule, "Unable to locate " + dir + " directory"));
      }
    }
    if (b.annotations() == null) {
      out.add(Finding.error(rule, "Could not find annotations file in metadata/"));
      return out;
    }
    Map<String, Object> a = b.annotations();
    String prefix = "operators.operatorframework.io.bundle.";
    Map<String, String> expected =
        Map.of(
            prefix + "mediatype.v1", b.csv() == null ? "plain+v1" : "registry+v1",
            prefix + "manifests.v1", "manifests/",
            prefix + "metadata.v1", "metadata/");
    expected.forEach(
        (label, value) -> {
          if (!a.containsKey(label)) {
            out.add(Finding.error("registry/validateAnnotations", "Missing annotation " + label));
          } else if (!value.equals(a.get(label))) {
            out.add(
                Finding.error(
                    "registry/validateAnnotations",
                    "Expecting annotation " + label + " to have value " + value));
          }
        });
    for (String label : List.of(prefix + "package.v1", prefix + "channels.v1")) {
      if (text(a, label).isBlank()) {
        out.add(
            Finding.error(
                "registry/validateAnnotations", "Missing annotation " + label + " or empty value"));
      }
    }
    String defaultChannel = prefix + "channel.default.v1";
    if (a.containsKey(defaultChannel) && text(a, defaultChannel).isBlank()) {
      out.add(
          Finding.error(
              "registry/validateAnnotations",
              "Expecting annotation " + defaultChannel + " to have non-empty value"));
    }
    for (Map<String, Object> doc : b.others()) {
      if (!SUPPORTED_KINDS.contains(String.valueOf(doc.get("kind")))) {
        out.add(
            Finding.error(
                "registry/ValidateBundleContent",
                doc.get("kind") + " is not supported type for registryV1 bundle"));
      }
    }
    return out;
  }

  /** csv.go validateCSV (ClusterServiceVersionValidator, a default validator). */
  static List<Finding> csv(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    if (b.csv() == null) {
      out.add(
          Finding.error("registry/ValidateBundleContent", "no ClusterServiceVersion in bundle"));
      return out;
    }
    String name = text(b.csv(), "metadata", "name");
    if (!isCsvName(name)) {
      out.add(Finding.error("csv/parseCSVNameFormat", "metadata.name " + name + " is invalid"));
    }
    String replaces = text(b.csvSpec(), "replaces");
    if (!replaces.isEmpty() && !isCsvName(replaces)) {
      out.add(Finding.error("csv/parseCSVNameFormat", "spec.replaces " + replaces + " is invalid"));
    }
    out.addAll(examples(b));
    out.addAll(installModes(b));
    out.addAll(minKubeVersion(b, "csv/validateMinKubeVersion"));
    out.addAll(requiredFields(b));
    out.addAll(annotationNames(b));
    String apiVersion = text(b.csv(), "apiVersion");
    if (apiVersion.isEmpty() || apiVersion.endsWith("/")) {
      out.add(Finding.error("csv/validateVersionKind", "'apiVersion' is missing"));
    }
    return out;
  }

  /** crd.go validateV1CRD: the parts of ValidateCustomResourceDefinition it reports. */
  static List<Finding> crd(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> crd : b.crds()) {
      String rule = "crd/validateV1CRD " + text(crd, "metadata", "name");
      if (!"apiextensions.k8s.io/v1".equals(crd.get("apiVersion"))) {
        out.add(Finding.error(rule, "apiVersion is " + crd.get("apiVersion") + ", expected v1"));
      }
      String group = text(crd, "spec", "group");
      String plural = text(crd, "spec", "names", "plural");
      if (!text(crd, "metadata", "name").equals(plural + "." + group)) {
        out.add(Finding.error(rule, "metadata.name must be spec.names.plural+\".\"+spec.group"));
      }
      if (!DNS1123_SUBDOMAIN.matcher(group).matches() || !group.contains(".")) {
        out.add(Finding.error(rule, "spec.group should be a domain with at least one dot"));
      }
      for (String field : List.of("plural", "singular", "kind", "listKind")) {
        String value = text(crd, "spec", "names", field);
        String lower = field.endsWith("ind") ? value.toLowerCase() : value;
        if (!DNS1035_LABEL.matcher(lower).matches()) {
          out.add(Finding.error(rule, "spec.names." + field + " " + value + " is invalid"));
        }
      }
      for (String field : List.of("shortNames", "categories")) {
        for (Object value : listAt(crd, "spec", "names", field)) {
          if (!DNS1035_LABEL.matcher(value.toString()).matches()) {
            out.add(Finding.error(rule, "spec.names." + field + " " + value + " is invalid"));
          }
        }
      }
      if (!Set.of("Namespaced", "Cluster").contains(text(crd, "spec", "scope"))) {
        out.add(Finding.error(rule, "spec.scope must be Namespaced or Cluster"));
      }
      out.addAll(crdVersions(rule, crd));
    }
    return out;
  }

  /** bundle.go validateBundle (BundleValidator, a default validator). */
  static List<Finding> bundle(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    Set<String> inBundle = new LinkedHashSet<>();
    for (Map<String, Object> crd : b.crds()) {
      for (Object v : listAt(crd, "spec", "versions")) {
        inBundle.add(
            gvk(text(crd, "spec", "group"), text(v, "name"), text(crd, "spec", "names", "kind")));
      }
    }
    Set<String> ownedKinds = new HashSet<>();
    for (Object owned : b.owned()) {
      String name = text(owned, "name");
      String group = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
      String key = gvk(group, text(owned, "version"), text(owned, "kind"));
      if (!inBundle.remove(key)) {
        out.add(
            Finding.error("bundle/validateOwnedCRDs", "owned CRD " + key + " not found in bundle"));
      } else {
        ownedKinds.add(group + "/" + text(owned, "kind"));
      }
    }
    inBundle.removeIf(key -> ownedKinds.contains(key.replaceFirst("/[^/]+/", "/")));
    inBundle.forEach(
        key ->
            out.add(
                Finding.error(
                    "bundle/validateOwnedCRDs",
                    "CRD " + key + " is present in bundle but not defined in CSV")));
    Set<String> accounts = new HashSet<>();
    for (Object d : listAt(b.csvSpec(), "install", "spec", "deployments")) {
      accounts.add(text(d, "spec", "template", "spec", "serviceAccountName"));
    }
    for (Map<String, Object> doc : b.others()) {
      if ("ServiceAccount".equals(doc.get("kind"))
          && accounts.contains(text(doc, "metadata", "name"))) {
        out.add(
            Finding.error(
                "bundle/validateServiceAccounts",
                "service account "
                    + text(doc, "metadata", "name")
                    + " is also specified in the CSV"));
      }
    }
    if (b.compressedSize() == 0 || b.size() == 0) {
      out.add(Finding.warning("bundle/validateBundleSize", "unable to check the bundle size"));
    } else if (b.compressedSize() > MAX_BUNDLE_SIZE) {
      out.add(
          Finding.error(
              "bundle/validateBundleSize",
              "maximum bundle compressed size exceeded: " + b.compressedSize()));
    } else if (b.compressedSize() > MAX_BUNDLE_SIZE * 0.85) {
      out.add(
          Finding.warning(
              "bundle/validateBundleSize",
              "nearing maximum bundle compressed size: " + b.compressedSize()));
    }
    List<Object> related = listAt(b.csvSpec(), "relatedImages");
    for (int i = 0; i < related.size(); i++) {
      String image = text(related.get(i), "image");
      if (image.isEmpty()) {
        out.add(
            Finding.error(
                "bundle/validateRelatedImages",
                "relatedImages[" + i + "] has an empty image field"));
      } else if (!IMAGE_REFERENCE.matcher(image).matches()) {
        out.add(
            Finding.error(
                "bundle/validateRelatedImages",
                "relatedImages[" + i + "] has an invalid image pullspec " + image));
      }
    }
    String release = text(b.csvSpec(), "release");
    String expectedName =
        text(b.annotations(), "operators.operatorframework.io.bundle.package.v1")
            + "-v"
            + text(b.csvSpec(), "version")
            + "-"
            + release;
    if (!release.isEmpty() && !text(b.csv(), "metadata", "name").equals(expectedName)) {
      out.add(
          Finding.error("bundle/validateBundleName", "bundle name does not match " + expectedName));
    }
    return out;
  }

  /** operatorhubv2.go validateHubCSVSpecV2, then the deprecated-API check it also runs. */
  static List<Finding> operatorHubV2(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    Map<String, Object> spec = b.csvSpec();
    if (text(spec, "provider", "name").isBlank()) {
      out.add(
          Finding.error(
              "operatorhub/checkSpecProviderName", "csv.Spec.Provider.Name not specified"));
    }
    for (Object m : listAt(spec, "maintainers")) {
      if (text(m, "name").isEmpty() || text(m, "email").isEmpty()) {
        out.add(
            Finding.error(
                "operatorhub/checkSpecMaintainers", "maintainers need both name and email"));
      } else if (!EMAIL.matcher(text(m, "email")).matches()) {
        out.add(
            Finding.error(
                "operatorhub/checkSpecMaintainers", "email " + text(m, "email") + " is invalid"));
      }
    }
    for (Object link : listAt(spec, "links")) {
      if (text(link, "name").isEmpty() || text(link, "url").isEmpty()) {
        out.add(Finding.error("operatorhub/checkSpecLinks", "links need both name and url"));
      } else if (!isRequestUri(text(link, "url"))) {
        out.add(
            Finding.error(
                "operatorhub/checkSpecLinks", "url " + text(link, "url") + " is invalid"));
      }
    }
    if (!SEMVER.matcher(text(spec, "version")).matches()) {
      out.add(
          Finding.error("operatorhub/checkSpecVersion", "csv.Spec.Version must be set (semver)"));
    }
    List<Object> icons = listAt(spec, "icon");
    if (icons.isEmpty()) {
      out.add(Finding.warning("operatorhub/checkSpecIcon", "csv.Spec.Icon not specified"));
    } else {
      if (icons.size() != 1) {
        out.add(
            Finding.error(
                "operatorhub/checkSpecIcon", "csv.Spec.Icon should only have one element"));
      }
      Object icon = icons.getFirst();
      if (text(icon, "base64data").isEmpty() || text(icon, "mediatype").isEmpty()) {
        out.add(
            Finding.error("operatorhub/checkSpecIcon", "icon needs both base64data and mediatype"));
      } else if (!ICON_TYPES.contains(text(icon, "mediatype"))) {
        out.add(
            Finding.error(
                "operatorhub/checkSpecIcon",
                text(icon, "mediatype") + " is not a valid mediatype"));
      }
    }
    out.addAll(minKubeVersion(b, "operatorhub/checkSpecMinKubeVersion"));
    out.addAll(deprecatedApis(b));
    return out;
  }

  /** standardcapabilities.go checkCapabilities. */
  static List<Finding> capabilities(OlmBundle b) {
    Object capability = b.csvAnnotations().get("capabilities");
    if (capability != null && !CAPABILITIES.contains(capability.toString())) {
      return List.of(
          Finding.error(
              "capabilities/checkCapabilities", capability + " is not a valid capabilities level"));
    }
    return List.of();
  }

  /** standardcategories.go checkCategories (without OPERATOR_BUNDLE_CATEGORIES). */
  static List<Finding> categories(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    Object categories = b.csvAnnotations().get("categories");
    if (categories != null) {
      for (String category : categories.toString().split(",", -1)) {
        if (!CATEGORIES.contains(category.strip())) {
          out.add(
              Finding.error(
                  "categories/checkCategories",
                  "categories value \""
                      + category
                      + "\" is not in the set of standard categories"));
        }
      }
    }
    return out;
  }

  /**
   * removed_apis.go validateDeprecatedAPIS for Kubernetes 1.22, 1.25 and 1.26: an error when
   * minKubeVersion is at or past the removal, else a warning.
   */
  static List<Finding> deprecatedApis(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    String rule = "alpha-deprecated-apis/validateDeprecatedAPIS";
    int[] minKube = tolerantVersion(text(b.csvSpec(), "minKubeVersion"));
    if (minKube == null) {
      out.add(Finding.error(rule, "csv.Spec.MinKubeVersion has an invalid value"));
      minKube = new int[] {0, 0};
    }
    Map<String, Set<String>> removedIn =
        Map.of(
            "1.22",
            Set.of(
                "apiextensions.k8s.io/v1beta1/CustomResourceDefinition",
                "scheduling.k8s.io/v1beta1/PriorityClass",
                "rbac.authorization.k8s.io/v1beta1/Role",
                "rbac.authorization.k8s.io/v1beta1/ClusterRole",
                "rbac.authorization.k8s.io/v1beta1/RoleBinding",
                "rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding",
                "apiregistration.k8s.io/v1beta1/APIService",
                "admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration",
                "admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration",
                "coordination.k8s.io/v1beta1/Lease",
                "extensions/v1beta1/Ingress",
                "networking.k8s.io/v1beta1/Ingress",
                "networking.k8s.io/v1beta1/IngressClass",
                "storage.k8s.io/v1beta1/StorageClass",
                "certificates.k8s.io/v1beta1/CertificateSigningRequest"),
            "1.25",
            Set.of(
                "batch/v1beta1/CronJob",
                "discovery.k8s.io/v1beta1/EndpointSlice",
                "events.k8s.io/v1beta1/Event",
                "autoscaling/v2beta1/HorizontalPodAutoscaler",
                "policy/v1beta1/PodDisruptionBudget",
                "policy/v1beta1/PodSecurityPolicy",
                "node.k8s.io/v1beta1/RuntimeClass"),
            "1.26",
            Set.of("autoscaling/v2beta2/HorizontalPodAutoscaler"));
    List<String> used = new ArrayList<>();
    List<Map<String, Object>> objects = new ArrayList<>(b.crds());
    objects.addAll(b.others());
    objects.forEach(o -> used.add(o.get("apiVersion") + "/" + o.get("kind")));
    for (String relation : List.of("owned", "required")) {
      for (Object crd : listAt(b.csv(), "spec", "customresourcedefinitions", relation)) {
        for (Object res : listAt(crd, "resources")) {
          used.add(text(res, "version") + "/" + text(res, "kind"));
        }
      }
    }
    for (Map.Entry<String, Set<String>> removal : removedIn.entrySet()) {
      List<String> found = used.stream().filter(removal.getValue()::contains).toList();
      if (!found.isEmpty()) {
        String[] v = removal.getKey().split("\\.");
        boolean removed =
            minKube[0] > Integer.parseInt(v[0])
                || (minKube[0] == Integer.parseInt(v[0]) && minKube[1] >= Integer.parseInt(v[1]));
        String message = "APIs removed in v" + removal.getKey() + ": " + found;
        out.add(removed ? Finding.error(rule, message) : Finding.warning(rule, message));
      }
    }
    for (String perms : List.of("permissions", "clusterPermissions")) {
      for (Object perm : listAt(b.csvSpec(), "install", "spec", perms)) {
        for (Object rule2 : listAt(perm, "rules")) {
          if (listAt(rule2, "apiGroups").contains("policy")
              && listAt(rule2, "resources").contains("podsecuritypolicies")) {
            out.add(Finding.warning(rule, perms + " grant podsecuritypolicies, removed in v1.25"));
          }
        }
      }
    }
    return out;
  }

  /**
   * good_practices.go validateGoodPracticesFrom. validateResourceRequests warns here when either
   * the CPU or the memory request is missing, as its documentation says (the Go code warns only
   * when both are).
   */
  static List<Finding> goodPractices(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    if (listAt(b.csvSpec(), "install", "spec", "deployments").isEmpty()) {
      out.add(
          Finding.error(
              "good-practices/validateResourceRequests",
              "unable to find a deployment to install in the CSV"));
    }
    for (Object container : b.containers()) {
      if (text(container, "resources", "requests", "cpu").isEmpty()
          || text(container, "resources", "requests", "memory").isEmpty()) {
        out.add(
            Finding.warning(
                "good-practices/validateResourceRequests",
                "unable to find the resource requests for the container: "
                    + text(container, "name")));
      }
    }
    for (String relation : List.of("owned", "required")) {
      for (Object crd : listAt(b.csv(), "spec", "customresourcedefinitions", relation)) {
        if (text(crd, "description").isEmpty()) {
          out.add(
              Finding.warning(
                  "good-practices/validateCrdDescriptions",
                  relation + " CRD " + text(crd, "name") + " has an empty description"));
        }
      }
    }
    out.addAll(channels(b));
    for (String perms : List.of("permissions", "clusterPermissions")) {
      for (Object perm : listAt(b.csvSpec(), "install", "spec", perms)) {
        for (Object rule : listAt(perm, "rules")) {
          if (listAt(rule, "apiGroups").contains("apiextensions.k8s.io")
              && listAt(rule, "resources").stream()
                  .anyMatch(r -> Set.of("customresourcedefinitions", "*", "[*]").contains(r))
              && listAt(rule, "verbs").stream()
                  .anyMatch(v -> Set.of("create", "*", "[*]", "patch").contains(v))) {
            out.add(
                Finding.warning(
                    "good-practices/validateRBACForCRDsWith",
                    "CSV contains permissions to create CRD"));
          }
        }
      }
    }
    String name = text(b.csv(), "metadata", "name");
    int v = name.lastIndexOf(".v");
    if (v < 0 || !SEMVER.matcher(name.substring(v + 2)).matches()) {
      out.add(
          Finding.warning(
              "good-practices/checkBundleName",
              "csv.metadata.Name " + name + " is not following the versioning convention"));
    }
    if (name.split("\\.v", -1).length != 2) {
      out.add(
          Finding.warning(
              "good-practices/checkBundleName",
              "csv.metadata.Name " + name + " is not <operator-name>.v<semver>"));
    }
    return out;
  }

  /** good_practices.go validateHubChannels: channel names start with candidate, stable or fast. */
  private static List<Finding> channels(OlmBundle b) {
    Set<String> channels = new LinkedHashSet<>();
    String prefix = "operators.operatorframework.io.bundle.";
    for (String c : text(b.annotations(), prefix + "channels.v1").split(",")) {
      channels.add(c.strip());
    }
    channels.add(text(b.annotations(), prefix + "channel.default.v1").strip());
    List<String> unconventional =
        channels.stream()
            .filter(c -> !c.isEmpty())
            .filter(
                c -> !c.startsWith("candidate") && !c.startsWith("stable") && !c.startsWith("fast"))
            .toList();
    return unconventional.isEmpty()
        ? List.of()
        : List.of(
            Finding.warning(
                "good-practices/validateHubChannels",
                "channel(s) "
                    + unconventional
                    + " are not following the recommended naming convention"));
  }

  private static List<Finding> examples(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    String rule = "csv/validateExamplesAnnotations";
    Map<String, Object> annotations = b.csvAnnotations();
    if (annotations.isEmpty()) {
      return List.of(Finding.warning(rule, "annotations not found"));
    }
    if (!annotations.containsKey("alm-examples") && !annotations.containsKey("olm.examples")) {
      return List.of(Finding.warning(rule, "example annotations not found"));
    }
    if (annotations.containsKey("alm-examples") && annotations.containsKey("olm.examples")) {
      out.add(Finding.warning(rule, "both alm-examples and olm.examples are present"));
    }
    List<Map<String, Object>> examples;
    try {
      examples = b.almExamples();
    } catch (IllegalArgumentException e) {
      out.add(Finding.error(rule, "invalid example: " + e.getMessage()));
      return out;
    }
    Set<String> provided = new LinkedHashSet<>();
    for (Object owned : b.owned()) {
      String name = text(owned, "name");
      String group = name.contains(".") ? name.substring(name.indexOf('.') + 1) : "";
      provided.add(group + "/" + text(owned, "version") + "/" + text(owned, "kind"));
    }
    Set<String> shown = new LinkedHashSet<>();
    for (Map<String, Object> example : examples) {
      shown.add(text(example, "apiVersion") + "/" + text(example, "kind"));
    }
    shown.stream()
        .filter(gvk -> !provided.contains(gvk))
        .forEach(gvk -> out.add(Finding.error(rule, "example must have a provided API: " + gvk)));
    provided.stream()
        .filter(gvk -> !shown.contains(gvk))
        .forEach(
            gvk ->
                out.add(
                    Finding.warning(
                        rule, "provided API should have an example annotation: " + gvk)));
    return out;
  }

  private static List<Finding> installModes(OlmBundle b) {
    String rule = "csv/validateInstallModes";
    List<Object> modes = listAt(b.csvSpec(), "installModes");
    if (modes.isEmpty()) {
      return List.of(Finding.error(rule, "install modes not found"));
    }
    List<Finding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean anySupported = false;
    for (Object mode : modes) {
      String type = text(mode, "type");
      if (!seen.add(type)) {
        out.add(Finding.error(rule, "duplicate install modes present: " + type));
      } else if (!INSTALL_MODES.contains(type)) {
        out.add(Finding.error(rule, "unknown install mode " + type));
      } else if (Boolean.TRUE.equals(YamlTree.at(mode, "supported"))) {
        anySupported = true;
      }
    }
    if (!anySupported) {
      out.add(Finding.error(rule, "none of InstallModeTypes are supported"));
    }
    return out;
  }

  private static List<Finding> minKubeVersion(OlmBundle b, String rule) {
    String version = text(b.csvSpec(), "minKubeVersion").strip();
    if (version.isEmpty()) {
      return List.of(Finding.warning(rule, "csv.Spec.minKubeVersion is not informed"));
    }
    if (!SEMVER.matcher(version).matches()) {
      return List.of(
          Finding.error(rule, "csv.Spec.MinKubeVersion has an invalid value: " + version));
    }
    return List.of();
  }

  /** typecheck.go checkEmptyFields: the CSV's non-omitempty fields that must not be empty. */
  private static List<Finding> requiredFields(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    String rule = "csv/checkEmptyFields";
    if (text(b.csvSpec(), "displayName").isEmpty()) {
      out.add(Finding.error(rule, "required field missing: Spec.DisplayName"));
    }
    if (text(b.csvSpec(), "install", "strategy").isEmpty()) {
      out.add(Finding.error(rule, "required field missing: Spec.InstallStrategy.StrategyName"));
    }
    if (YamlTree.at(b.csvSpec(), "install", "spec") instanceof Map<?, ?> s
        && !s.isEmpty()
        && listAt(s, "deployments").isEmpty()) {
      out.add(
          Finding.error(
              rule, "required field missing: Spec.InstallStrategy.StrategySpec.DeploymentSpecs"));
    }
    if (YamlTree.at(b.csvSpec(), "cleanup") instanceof Map<?, ?> c
        && !c.isEmpty()
        && c.get("enabled") == null) {
      out.add(Finding.error(rule, "required field missing: Spec.Cleanup.Enabled"));
    }
    return out;
  }

  /** annotations.go ValidateAnnotationNames. */
  private static List<Finding> annotationNames(OlmBundle b) {
    List<Finding> out = new ArrayList<>();
    for (String key : b.csvAnnotations().keySet()) {
      for (String known : CASE_SENSITIVE_ANNOTATIONS) {
        if (key.equalsIgnoreCase(known) && !key.equals(known)) {
          out.add(
              Finding.error(
                  "csv/ValidateAnnotationNames",
                  "provided annotation " + key + " uses wrong case and should be " + known));
        }
      }
      if (key.equals("olm.properties")) {
        out.add(Finding.warning("csv/ValidateAnnotationNames", "found olm.properties annotation"));
      }
    }
    return out;
  }

  private static List<Finding> crdVersions(String rule, Map<String, Object> crd) {
    List<Finding> out = new ArrayList<>();
    List<Object> versions = listAt(crd, "spec", "versions");
    if (versions.isEmpty()) {
      out.add(Finding.error(rule, "spec.versions must have at least one version"));
    }
    Set<String> names = new HashSet<>();
    int storage = 0;
    for (Object version : versions) {
      String name = text(version, "name");
      if (!DNS1035_LABEL.matcher(name).matches() || !names.add(name)) {
        out.add(Finding.error(rule, "spec.versions name " + name + " is invalid or duplicate"));
      }
      if (Boolean.TRUE.equals(YamlTree.at(version, "storage"))) {
        storage++;
      }
      for (Object column : listAt(version, "additionalPrinterColumns")) {
        if (text(column, "name").isEmpty()
            || text(column, "jsonPath").isEmpty()
            || !Set.of("integer", "number", "string", "boolean", "date")
                .contains(text(column, "type"))) {
          out.add(
              Finding.error(
                  rule, "additionalPrinterColumns " + text(column, "name") + " is invalid"));
        }
      }
    }
    if (storage != 1) {
      out.add(Finding.error(rule, "must have exactly one version marked as storage version"));
    }
    return out;
  }

  private static boolean isCsvName(String name) {
    return name.length() <= 63
        && DNS1123_SUBDOMAIN.matcher(name).matches()
        && LABEL_VALUE.matcher(name).matches();
  }

  /** Go's url.ParseRequestURI: an absolute URI or an absolute path. */
  private static boolean isRequestUri(String url) {
    try {
      URI uri = new URI(url);
      return uri.isAbsolute() || url.startsWith("/");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** semver.ParseTolerant: leading v and missing parts allowed; major and minor, or null. */
  private static int[] tolerantVersion(String version) {
    if (version.isBlank()) {
      return new int[] {0, 0};
    }
    String[] parts = version.strip().replaceFirst("^v", "").split("[.+-]");
    try {
      return new int[] {
        Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String gvk(String group, String version, String kind) {
    return group + "/" + version + "/" + kind;
  }
}
