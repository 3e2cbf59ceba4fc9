/**
 * Implementation of the policy module: the wasm engine on opa-java-wasm, the bundle (tar.gz) reader
 * and the module's Jackson mapper. Not API: use the root package.
 */
package io.sovereignrouter.policy.internal;
