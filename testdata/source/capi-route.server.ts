// A route handler posting to the Conversions API — € and 😀 before the bodies.
import axios from "axios";
import got from "got";
import https from "node:https";

const CAPI_URL = "https://bzr.openai.com/v1/events?pid=px_8f2k41";

export async function POST(req: Request): Promise<Response> {
  const order: { id: string; emailHash: string } = await req.json();
  const body = {
    events: [{
      id: order.id, event_name: "order_created", // want "capi-legacy-field" col=21
      type: "Purchase", // want "event-name-unknown" col=13
      timestamp_ms: Date.now(), action_source: "web", source_url: "/thanks", // want "capi-source-url" col=67
      user: { emails_sha256: [order.emailHash], ip_address: "203.0.113.7:443" }, // want "capi-user-ip" col=61
      data: { type: "contents", amount: 25.99, currency: "USD" }, // want "amount-not-integer" col=41
    }],
  };
  await fetch(CAPI_URL, { method: "POST", headers: { Authorization: `Bearer ${process.env.KEY}` }, body: JSON.stringify(body) });
  await axios.post(`https://bzr.openai.com/v1/events?pid=${process.env.PIXEL}`, { validate_only: "true", events: [] }); // want "capi-validate-only-type" col=98 "capi-events-invalid" col=114
  await got.post("https://bzr.openai.com/v1/events", { json: { events: [{ id: "l_1", type: "lead_created", timestamp_ms: Date.now(), data: { type: "customer_action" } }] } }); // want "capi-pid" col=18
  const r = https.request(CAPI_URL, { method: "POST" });
  r.end(JSON.stringify({ events: [{ id: "i_1", type: "app_opened", timestamp_ms: Date.now(), data: { type: "customer_action" } }] })); // want "capi-app-event-source" col=54
  await fetch("https://api.example.com/orders", { method: "POST", body: JSON.stringify({ events: [{ type: "x" }] }) });
  return new Response("ok");
}
export async function retry(): Promise<void> {
  await fetch(CAPI_URL, { method: "POST", headers: { Authorization: "Bearer capi_live_0123456789abcdef" }, body: JSON.stringify({ events: [] }) }); // want "capi-key-in-code" severity=warning col=69 "capi-events-invalid" col=139
}
