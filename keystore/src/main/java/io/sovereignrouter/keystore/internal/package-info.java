/**
 * Keystore internals, not API: the entry file format ({@code EntryCodec}), envelope sealing with
 * Tink AES-256-GCM ({@code Envelope}) and crash-safe file replacement ({@code AtomicFiles}).
 */
package io.sovereignrouter.keystore.internal;
