package io.sovereignrouter.gateway.provider;

/** How an upstream frames streamed events. */
enum Framing {
  /** {@code text/event-stream}: {@code data:} lines, blank line ends an event. */
  SSE,
  /** Newline-delimited JSON: one event per line. */
  NDJSON,
  /** {@code application/vnd.amazon.eventstream}: binary frames with headers and CRCs. */
  AWS_EVENT_STREAM
}
