// An isomorphic helper (Next.js): the browser branch returns, the request
// after it runs only where window is undefined — on the server. A file
// testing typeof window is not judged browser code by the names it uses.
export async function track(ev) {
  if (typeof window !== "undefined") { window.oaiq?.("measure", "order_created", ev.data); return; } // want "dynamic-value" col=82
  await fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST",
    headers: { Authorization: "Bearer Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4Hd6Jf0Gs" }, // want "capi-key-in-code" severity=warning col=31 msg=/server code/
    body: JSON.stringify({ events: [ev] }) });
}
