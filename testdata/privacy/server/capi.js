// Conversions API keys written in server code, in every shape a request
// call names one, each beside a call with a fix (github-review proposes
// the line only if it is shown masked) and none inside a body the linter
// reads.
const KEY = "oaiq_live_zqconst0123456789abcdef"; oaiq("measure", "Purchase", { type: "contents" });
const KEY2 = "oaiq_live_zqconcat0123456789abcdef"; oaiq("measure", "Purchase", { type: "contents" });
const QKEY = "oaiq_live_zqtemplate0123456789abcd"; oaiq("measure", "Purchase", { type: "contents" });
export const send = (payload) => fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST", headers: { Authorization: `Bearer ${KEY}` }, body: JSON.stringify(payload) });
export const send2 = (body) => fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST", headers: { Authorization: "Bearer " + KEY2 }, body });
export const send3 = (payload) => fetch(`https://bzr.openai.com/v1/events?pid=px_abc123&key=${QKEY}`, { method: "POST", body: payload });
await axios.post("https://bzr.openai.com/v1/events?pid=px_abc123&key=oaiq_live_zqquery0123456789abcdef", { events: [{ id: "o2", type: "lead_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://a.example/t", data: { type: "customer_action" } }] }); oaiq("measure", "Purchase", { type: "contents" });
