// Server code whose Conversions API requests take the pid from the client's
// query options, build their bodies from constants, compute their
// timestamps and hold keys in constants or the query.
import axios from "axios";
import got from "got";

const API = "https://bzr.openai.com/v1/events";
const lead = (id) => ({ id, type: "lead_created", timestamp_ms: Date.now(), data: { type: "customer_action" } });

// The pid in axios' params, got's and ky's searchParams, a URL object's searchParams: no capi-pid.
await axios({ method: "post", url: API, params: { pid: "px_abc123" }, data: { events: [lead("a1")] } });
await axios.post(API, { events: [lead("a2")] }, { params: { pid: "px_abc123" } });
await got.post(API, { searchParams: { pid: "px_abc123" }, json: { events: [lead("a3")] } });
await got.post(API, { searchParams: "pid=px_abc123", json: { events: [lead("a4")] } });
const url = new URL(API);
url.searchParams.set("pid", "px_abc123");
await fetch(url, { method: "POST", body: JSON.stringify({ events: [lead("a5")] }) });
// A pid computed at runtime, or options made elsewhere: not known, not judged.
await axios.post(API, { events: [lead("a6")] }, { params: { pid: process.env.OAIQ_PIXEL } });
export const send = (config) => axios.post(API, { events: [lead("a7")] }, config);
// Still wrong: no pid anywhere, an empty one, a second one.
await axios.post(API, { events: [lead("b1")] }, { params: { page: 1 } }); // want "capi-pid" col=18
await got.post(API, { searchParams: { pid: "" }, json: { events: [lead("b2")] } }); // want "capi-pid" col=44 msg=/pid query parameter is empty/
await axios.post(`${API}?pid=px_abc123`, { events: [lead("b3")] }, { params: { pid: "px_abc123" } }); // want "capi-pid" col=85 msg=/names pid 2 times/

// Bodies from constants: an events array, an event object.
const events = [
  { id: "c1", type: "order_created", timestamp_ms: Math.floor(Date.now() / 1000), data: { type: "contents" } }, // want "capi-timestamp" col=52 msg=/Math.floor\(Date.now\(\) \/ 1000\): that is seconds/
  { id: "c2", type: "order_created", timestamp_ms: Date.now() / 1000 | 0, data: { type: "contents" } }, // want "capi-timestamp" col=52 msg=/seconds, not milliseconds/
  { id: "c3", type: "order_created", timestamp_ms: new Date().toISOString(), data: { type: "contents" } }, // want "capi-timestamp" col=52 msg=/a date text/
  { id: "c4", type: "order_created", timestamp_ms: new Date(), data: { type: "contents" } }, // want "capi-timestamp" col=52 msg=/a Date object/
  { id: "c5", type: "order_created", timestamp_ms: Date.now() / 1000, data: { type: "contents" } }, // want "capi-timestamp" col=52 msg=/seconds with a fraction/
  { id: "c6", type: "order_created", timestamp_ms: 1788000000, data: { type: "contents" } }, // want "capi-timestamp" col=52 msg=/timestamp_ms 1788000000 has 10 digits/
  { id: "c10", type: "order_created", timestamp_ms: Math.floor(+new Date() / 1e3), data: { type: "contents" } }, // want "capi-timestamp" col=53 msg=/that is seconds/
  { id: "c11", type: "order_created", timestamp_ms: ~~(Date.now() / 1000), data: { type: "contents" } }, // want "capi-timestamp" col=53 msg=/that is seconds/
  { id: "c12", type: "order_created", timestamp_ms: Date.now() | 0, data: { type: "contents" } }, // want "capi-timestamp" col=53 msg=/32 bits/
  { id: "c13", type: "order_created", timestamp_ms: dayjs().unix(), data: { type: "contents" } }, // want "capi-timestamp" col=53 msg=/dayjs\(\).unix\(\): that is seconds/
  { id: "c14", type: "order_created", timestamp_ms: moment(order.createdAt).unix(), data: { type: "contents" } }, // want "capi-timestamp" col=53 msg=/that is seconds/
  { id: "c15", type: "order_created", timestamp_ms: new Date(order.createdAt), data: { type: "contents" } }, // want "capi-timestamp" col=53 msg=/new Date\(order.createdAt\): a Date object/
  { id: "c16", type: "order_created", timestamp_ms: Date.now() * 1000, data: { type: "contents" } }, // want "capi-timestamp" col=53 msg=/microseconds/
  // Milliseconds, however they are computed, and shapes not known: nothing.
  { id: "c17", type: "order_created", timestamp_ms: new Date(order.createdAt).getTime(), data: { type: "contents" } },
  { id: "c18", type: "order_created", timestamp_ms: dayjs().valueOf(), data: { type: "contents" } },
  { id: "c19", type: "order_created", timestamp_ms: order.createdAt * 1000, data: { type: "contents" } },
  { id: "c7", type: "order_created", timestamp_ms: Date.now(), data: { type: "contents" } },
  { id: "c8", type: "order_created", timestamp_ms: new Date().getTime(), data: { type: "contents" } },
  { id: "c9", type: "order_created", timestamp_ms: Math.floor(order.createdAt / 1000), data: { type: "contents" } },
  { id: "", type: "order_created", timestamp_ms: Date.now(), data: { type: "contents" } }, // want "event-id-empty" col=9 msg=/^id is empty/
];
await fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: `Bearer ${process.env.OAIQ_KEY}` }, body: JSON.stringify({ events }) });
const ev = { id: "d1", type: "Purchase", timestamp_ms: Date.now(), data: { type: "contents" } }; // want "event-name-unknown" col=30
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify({ events: [ev] }) });
// A name written more than once is not followed.
let moved = [{ id: "e1", type: "Purchase", timestamp_ms: 1, data: {} }];
moved = [];
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify({ events: moved }) });

// Keys: in a constant a Bearer template names, in a "Bearer " + concatenation, in the query.
const OAIQ_KEY = "capi_fixture_key_0123456789"; // want "capi-key-in-code" severity=warning col=18
await fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: `Bearer ${OAIQ_KEY}` }, body: JSON.stringify({ events: [lead("f1")] }) });
// The same constant in a second request: still one finding, on the constant.
await fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: `Bearer ${OAIQ_KEY}` }, body: JSON.stringify({ events: [lead("f1b")] }) });
const OTHER_KEY = "capi_fixture_key_abcdefghij"; // want "capi-key-in-code" severity=warning col=19
await fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: "Bearer " + OTHER_KEY }, body: JSON.stringify({ events: [lead("f2")] }) });
await axios.post("https://bzr.openai.com/v1/events?pid=px_abc123&key=capi_fixture_key_klmnopqrst", { events: [lead("f3")] }); // want "capi-key-in-code" severity=warning col=70 msg=/in the URL's query/
await fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: `Bearer ${process.env.OAIQ_KEY}` }, body: JSON.stringify({ events: [lead("f4")] }) });

// Personal data in source_url's query; an order number is none. A name that is not valid says why.
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify({ integration_source: "_shop", events: [ // want "capi-integration-source" col=98 msg=/starts with '_'/
  { id: "g1", type: "lead_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://shop.example/thanks?email=jane@example.org", data: { type: "customer_action" } }, // want "pii-raw" col=97 msg=/raw e-mail address in source_url/
  { id: "g2", type: "lead_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://shop.example/thanks?order=100234567&ref=20261201", data: { type: "customer_action" } },
  // A parameter named email or phone holding no address or number: a flag, a platform.
  { id: "g3", type: "lead_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://shop.example/thanks?email=1", data: { type: "customer_action" } },
  { id: "g4", type: "lead_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://shop.example/thanks?phone=ios&email=sent", data: { type: "customer_action" } },
  { id: "g5", type: "lead_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://shop.example/thanks?phone=%2B14155550123", data: { type: "customer_action" } }, // want "pii-raw" col=97 msg=/raw phone number in source_url/
  { id: "g6", type: "lead_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://shop.example/thanks?email=jane%40example.org", data: { type: "customer_action" } }, // want "pii-raw" col=97 msg=/raw e-mail address in source_url/
] }) });

// A literal time in code: sent whenever the code runs, so one info says until when the API takes it (no --now in check).
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify({ events: [{ id: "h1", type: "lead_created", timestamp_ms: 1788256800000, data: { type: "customer_action" } }] }) }); // want "capi-timestamp-window" severity=info col=135 msg=/fixed time written in code.*until 2026-09-08T10:00:00Z/ hint=/Date.now\(\)/

// URL objects: a pid set from a constant is known; an empty one and none at all are wrong.
const PIXEL = "px_abc123";
const u1 = new URL(API);
u1.searchParams.set("pid", PIXEL);
await fetch(u1.toString(), { method: "POST", body: JSON.stringify({ events: [lead("i1")] }) });
const u2 = new URL("https://bzr.openai.com/v1/events");
u2.searchParams.set("pid", ""); // want "capi-pid" col=28 msg=/empty/
await fetch(u2.href, { method: "POST", body: JSON.stringify({ events: [lead("i2")] }) });
const u3 = new URL("https://bzr.openai.com/v1/events"); // want "capi-pid" col=20 msg=/without the pid/
await fetch(u3, { method: "POST", body: JSON.stringify({ events: [lead("i3")] }) });
// A query changed in ways not followed: not judged.
const u4 = new URL(API);
u4.searchParams.delete("debug");
await fetch(u4, { method: "POST", body: JSON.stringify({ events: [lead("i4")] }) });
const u5 = new URL(API);
u5.search = process.env.OAIQ_QUERY;
await fetch(u5, { method: "POST", body: JSON.stringify({ events: [lead("i5")] }) });

// Bodies not known statically: the key is still found (and masked), whatever the body is.
const UNREAD_KEY = "capi_fixture_key_unreadbody01"; // want "capi-key-in-code" severity=warning col=20
export const post = (payload) => fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: `Bearer ${UNREAD_KEY}` }, body: JSON.stringify(payload) });
export const postRaw = (text) => fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: "Bearer capi_fixture_key_unreadbody02" }, body: text }); // want "capi-key-in-code" severity=warning col=108
export const postEnv = (payload) => fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: `Bearer ${process.env.OAIQ_KEY}` }, body: JSON.stringify(payload) });

// Placeholders are the place for a key, not a key: shown as written, not reported.
await fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: "Bearer YOUR_CONVERSIONS_API_KEY" }, body: JSON.stringify({ events: [lead("j1")] }) });
await fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: "Bearer <key>" }, body: JSON.stringify({ events: [lead("j2")] }) });
await fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: "Bearer xxx" }, body: JSON.stringify({ events: [lead("j3")] }) });
await axios.post(`${API}?pid=px_abc123&key=YOUR_KEY`, { events: [lead("j4")] });
// A ${…} in a plain string is sent as written: no key at all.
await fetch(`${API}?pid=px_abc123`, { method: "POST", headers: { Authorization: "Bearer ${OAIQ_KEY}" }, body: JSON.stringify({ events: [lead("j5")] }) }); // want "capi-key-in-code" severity=error col=81 msg=/sent as the text "Bearer \$\{OAIQ_KEY\}".*template literal/ hint=/backticks/

// Names changed after their declaration, by a function they are handed to or through a member path: not known.
function addPid(u) { u.searchParams.set("pid", process.env.OAIQ_PIXEL); }
const handedUrl = new URL("https://bzr.openai.com/v1/events");
addPid(handedUrl);
await fetch(handedUrl, { method: "POST", body: JSON.stringify({ events: [lead("k1")] }) });
const stamped = { id: "k2", type: "order_created", action_source: "web", source_url: "https://a.example/t", data: { type: "contents" } };
stamp(stamped);
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify({ events: [stamped] }) });
const filled = [];
fill(filled, orders);
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify({ events: filled }) });
const pushed = { events: [] }; // want "dynamic-value" severity=info col=26 msg=/added to the batch at runtime/
for (const o of orders) pushed.events.push(lead(o.id));
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify(pushed) });
const assigned = { events: [] };
Object.assign(assigned.events, more);
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify(assigned) }); // want "dynamic-value" severity=info col=76 msg=/request body is computed \(assigned\)/
// Handed over only after the request, or to a function that only reads it: still the value declared.
const later = { id: "k3", type: "order_created", action_source: "web", source_url: "https://a.example/t", data: { type: "contents" } }; // want "capi-event-field-missing" col=15 msg=/timestamp_ms/
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify({ events: [later] }) });
audit(later);
const empty = { events: [] }; // want "capi-events-invalid" col=25 msg=/is empty/
console.log(empty);
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify(empty) });

// A timestamp computed into a constant first is judged by its computation.
const secondsNow = Math.floor(Date.now() / 1000);
const millisNow = Date.now();
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify({ events: [
  { id: "l1", type: "lead_created", timestamp_ms: secondsNow, data: { type: "customer_action" } }, // want "capi-timestamp" col=51 msg=/Math.floor\(Date.now\(\) \/ 1000\): that is seconds/
  { id: "l2", type: "lead_created", timestamp_ms: millisNow, data: { type: "customer_action" } },
] }) });

// A body whose value became unknown is still a request: counted, and said
// to be unchecked; read-only uses keep it known.
const checkedFirst = { events: [{ id: "m1", type: "order_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://a.example/t", data: { type: "contents", amount: 1999, currency: "USD" } }] };
validate(checkedFirst);
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify(checkedFirst) }); // want "dynamic-value" severity=info col=76 msg=/request body is computed \(checkedFirst\): not checked: its events/
const dumped = { events: [{ id: "m2", type: "order_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://a.example/t", data: { type: "contents", amount: 19.99, currency: "USD" } }] }; // want "amount-not-integer" col=179
console.dir(dumped, { depth: null });
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify(dumped) });
// Events pushed to the batch: the ones written are still checked (one bad
// event fails the batch); its size is not known, so it is not "empty".
const appended = { events: [{ id: "m3", type: "order_created", timestamp_ms: Date.now(), action_source: "web", source_url: "https://a.example/t", data: { type: "contents", amount: 29.99, currency: "USD" } }] }; // want "dynamic-value" severity=info col=28 "amount-not-integer" col=181
appended.events.push(extra);
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify(appended) });
const batch = []; // want "dynamic-value" severity=info col=15 msg=/added to the batch/
batch.push(lead("m4"));
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify({ events: batch }) });
// Pushed to only after the request: the batch sent is the one written.
const sentFirst = { events: [] }; // want "capi-events-invalid" col=29 msg=/is empty/
await fetch(`${API}?pid=px_abc123`, { method: "POST", body: JSON.stringify(sentFirst) });
sentFirst.events.push(extra);
