// A handler naming its own location (the request's URL): not the
// browser's, so the file is not page code.
export async function handle(req: Request) {
  const location = new URL(req.url);
  await fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST",
    headers: { Authorization: "Bearer Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4Hd6Jf0Gs" }, // want "capi-key-in-code" severity=warning col=31 msg=/server code/
    body: JSON.stringify({ events: [{ id: "o1", type: "order_created", timestamp_ms: Date.now(), action_source: "web", source_url: location.origin + location.pathname, data: { type: "contents" } }] }) });
}
