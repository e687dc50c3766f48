package io.mcpoperator.operator.api;

/** A key of a Secret in the namespace of the object that names it. */
public record SecretKeyRef(String name, String key) {}
