# Thin wrappers over ./mvnw, kubectl and hack/ scripts. `make help` lists the targets.
# Every Maven target finds a JDK >= 21 first (hack/find-jdk.sh); targets that need a tool the
# machine lacks (k3d, docker, kubectl) stop with one line saying so.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

MVN := source hack/find-jdk.sh && ./mvnw -B
JAVA := source hack/find-jdk.sh && "$$JAVA_HOME/bin/java"
CLUSTER ?= mcp-operator
VERSION ?= dev
# image name prefix (empty: local names for k3d), CLIs for image-server (hack/images/clis.sh), registry to push to
PREFIX ?=
CLIS ?=
PUSH ?=
need = command -v $(1) >/dev/null 2>&1 || { echo "make $@: $(1) is not installed ($(2))" >&2; exit 1; }

.PHONY: help dev lint format test test-fast check run render k3d-create k3d-crds k3d-redis \
        k3d-examples k3d-delete kustomize-k3d kustomize-prod bundle api-docs images k3d-import images-docker

help: ## list the targets
	@awk -F':.*## ' '/^[a-z0-9-]+:.*## / {printf "  %-15s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

dev: ## build the three jars (operator, gateway, image-server) without tests
	$(MVN) -DskipTests -Djacoco.skip=true package

lint: ## check formatting (google-java-format through Spotless)
	$(MVN) spotless:check

format: ## format the Java sources
	$(MVN) spotless:apply

test: ## the README's test command: every test, coverage gate (what .ci/run runs)
	$(MVN) verify

test-fast: ## unit tests only, no integration tests or coverage
	$(MVN) -Djacoco.skip=true test

check: lint test ## formatting and every test

run: dev ## run the operator against the current kubeconfig (KUBECONFIG or ~/.kube/config)
	@$(call need,kubectl,the operator needs a cluster; see README.md)
	LOG_FORMAT=text LEADER_ELECTION_ENABLED=false $(JAVA) -jar operator/target/mcp-operator.jar

render: ## print the objects the operator would create for examples/ (no cluster needed)
	@test -f operator/target/mcp-operator.jar || { $(MVN) -q -pl operator -am -DskipTests -Djacoco.skip=true package >&2; }
	@$(JAVA) -jar operator/target/mcp-operator.jar render -f examples/

k3d-create: ## create a local k3d cluster (CLUSTER=mcp-operator)
	@$(call need,k3d,https://k3d.io; or use kind and the same kubectl targets)
	k3d cluster create $(CLUSTER) --wait

k3d-crds: ## install the four CRDs into the current cluster
	@$(call need,kubectl,apt-get install kubernetes-client)
	kubectl apply -f crds/
	kubectl wait --for=condition=Established crd --all --timeout=60s

k3d-redis: ## a Redis for session storage in mcp-operator-system (local use only)
	@$(call need,kubectl,apt-get install kubernetes-client)
	kubectl create namespace mcp-operator-system --dry-run=client -o yaml | kubectl apply -f -
	kubectl apply -n mcp-operator-system -f deploy/kustomize/overlays/k3d/redis.yaml

k3d-examples: ## apply the examples (namespace demo; k8s-tools brings its own)
	@$(call need,kubectl,apt-get install kubernetes-client)
	kubectl create namespace demo --dry-run=client -o yaml | kubectl apply -f -
	for f in examples/*.yaml; do \
	  if grep -q '^kind: Namespace' "$$f"; then kubectl apply -f "$$f"; else kubectl apply -n demo -f "$$f"; fi; \
	done

k3d-delete: ## delete the local k3d cluster
	@$(call need,k3d,https://k3d.io)
	k3d cluster delete $(CLUSTER)

kustomize-k3d: ## print the k3d overlay (local images, one replica, text logs, Redis)
	@$(call need,kubectl,apt-get install kubernetes-client)
	kubectl kustomize deploy/kustomize/overlays/k3d

kustomize-prod: ## print the prod overlay (two replicas, leader election, PDB, limits)
	@$(call need,kubectl,apt-get install kubernetes-client)
	kubectl kustomize deploy/kustomize/overlays/prod

bundle: ## check the OLM bundle against the ported operator-framework rules
	$(MVN) -pl operator -Djacoco.skip=true test -Dtest='OlmBundleTest,OperatorFrameworkRulesTest,CrdCopiesTest'

api-docs: ## regenerate docs/api-reference.md from crds/ (ApiReferenceTest checks it)
	$(MVN) -pl operator -Djacoco.skip=true test -Dtest=ApiReferenceTest -Dapi-reference.write=true

images: ## build the three images without Docker: images/target/images/*.tar (VERSION=dev, PREFIX=, CLIS=dir, PUSH=registry/prefix)
	$(MVN) -pl images -am -DskipTests -Djacoco.skip=true package -Dimages.tag=$(VERSION) \
	  -Dimages.prefix=$(PREFIX) -Dimages.clis=$(CLIS) -Dimages.push=$(PUSH)
	@echo "docker load -i images/target/images/mcp-gateway.tar, or: make k3d-import"

k3d-import: ## import the operator and gateway images (make images) into the k3d cluster
	@$(call need,k3d,https://k3d.io)
	k3d image import images/target/images/mcp-operator.tar images/target/images/mcp-gateway.tar \
	  images/target/images/mcp-k8s-server.tar -c $(CLUSTER)

images-docker: ## the same three images with Docker from the Containerfiles (VERSION=dev)
	@$(call need,docker,the Containerfiles need a Docker or Podman engine)
	@docker info >/dev/null 2>&1 || { echo "make $@: no Docker engine answers (docker info failed)" >&2; exit 1; }
	docker build -f operator/Containerfile -t mcp-operator:$(VERSION) .
	docker build -f sidecar/Containerfile -t mcp-gateway:$(VERSION) .
	docker build -f image-server/Containerfile -t mcp-k8s-server:$(VERSION) .
