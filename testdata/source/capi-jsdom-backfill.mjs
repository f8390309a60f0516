// A Node script reading a saved page through JSDOM: its window is JSDOM's
// (declared here), it reads process.argv, so it is server code — its key
// is a warning and its request is where it belongs.
import { JSDOM } from "jsdom";
const { window } = new JSDOM(await (await fetch(process.argv[2])).text());
const total = Number(window.document.querySelector("[data-cents]").dataset.cents);
await fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { method: "POST",
  headers: { Authorization: "Bearer Zk9x3mQ2Lp7Vt5Rw8Yb1Nc4Hd6Jf0Gs" }, // want "capi-key-in-code" severity=warning col=29 msg=/server code/
  body: JSON.stringify({ events: [{ id: "o1", type: "order_created", timestamp_ms: Date.now(), action_source: "offline", data: { type: "contents", amount: total, currency: "USD" } }] }) });
