// A test of server code: a fixed time and a made-up key are expected
// here; a realistic key is still a key in the repository.
const lead = { id: "t1", type: "lead_created", timestamp_ms: 1788256800000, action_source: "web", source_url: "https://a.example/t", data: { type: "customer_action" } };
test("sends", async () => {
  await fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST", headers: { Authorization: "Bearer test-key-123" }, body: JSON.stringify({ events: [lead] }) });
  await fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST", headers: { Authorization: "Bearer fake_capi_key_for_tests_0123456789" }, body: JSON.stringify({ events: [lead] }) });
  await fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST", headers: { Authorization: "Bearer Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4Hd6Jf0Gs" }, body: JSON.stringify({ events: [lead] }) }); // want "capi-key-in-code" severity=warning col=109
});
