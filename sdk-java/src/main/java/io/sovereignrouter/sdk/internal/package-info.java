/**
 * Implementation of the SDK: HTTP transport with retries, the JSON codec, SSE parsing and the
 * answer decoders. Not API: anything here may change without notice.
 */
package io.sovereignrouter.sdk.internal;
