// Server code that tests for a browser (typeof window) is still server
// code: its key is a warning, and its request is where it belongs.
if (typeof window === "undefined") {
  await fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST", headers: { Authorization: "Bearer Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4Hd6Jf0Gs" }, body: JSON.stringify(payload) }); // want "capi-key-in-code" severity=warning col=109 msg=/server code/
}
