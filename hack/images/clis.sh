#!/usr/bin/env bash
# Downloads the four CLIs image-server runs (kubectl, helm, istioctl, argocd) into a directory, each
# checked against the checksum its project publishes: the same versions and checks as
# image-server/Containerfile. Then build the images with them:
#   hack/images/clis.sh /tmp/clis && make images CLIS=/tmp/clis
# Needs network access to dl.k8s.io, get.helm.sh and github.com (not available on every build machine;
# without the CLIs the image-server image is built without them and reports each as not installed).
set -euo pipefail
out="${1:?usage: hack/images/clis.sh OUTPUT_DIR}"
arch="${TARGETARCH:-amd64}"
KUBECTL_VERSION="${KUBECTL_VERSION:-v1.32.4}"
HELM_VERSION="${HELM_VERSION:-v3.17.3}"
ISTIOCTL_VERSION="${ISTIOCTL_VERSION:-1.25.2}"
ARGOCD_VERSION="${ARGOCD_VERSION:-v2.14.11}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fetch() { curl -fsSL --retry 3 -o "$1" "$2"; }

fetch kubectl "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${arch}/kubectl"
echo "$(curl -fsSL "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${arch}/kubectl.sha256")  kubectl" | sha256sum -c -

fetch helm.tgz "https://get.helm.sh/helm-${HELM_VERSION}-linux-${arch}.tar.gz"
echo "$(curl -fsSL "https://get.helm.sh/helm-${HELM_VERSION}-linux-${arch}.tar.gz.sha256sum" | cut -d' ' -f1)  helm.tgz" | sha256sum -c -
tar -xzf helm.tgz --strip-components=1 "linux-${arch}/helm"

fetch istioctl.tgz "https://github.com/istio/istio/releases/download/${ISTIOCTL_VERSION}/istioctl-${ISTIOCTL_VERSION}-linux-${arch}.tar.gz"
echo "$(curl -fsSL "https://github.com/istio/istio/releases/download/${ISTIOCTL_VERSION}/istioctl-${ISTIOCTL_VERSION}-linux-${arch}.tar.gz.sha256" | cut -d' ' -f1)  istioctl.tgz" | sha256sum -c -
tar -xzf istioctl.tgz istioctl

fetch argocd "https://github.com/argoproj/argo-cd/releases/download/${ARGOCD_VERSION}/argocd-linux-${arch}"
curl -fsSL "https://github.com/argoproj/argo-cd/releases/download/${ARGOCD_VERSION}/cli_checksums.txt" \
  | grep " argocd-linux-${arch}\$" | sed "s/argocd-linux-${arch}/argocd/" | sha256sum -c -

install -m 0755 kubectl helm istioctl argocd "$out/"
echo "CLIs in $out: $(ls "$out" | tr '\n' ' ')"
