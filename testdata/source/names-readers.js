// Names handed to functions that only read them keep their declared value:
// every console method, structuredClone, JSON, the sources of Object.assign,
// Object.freeze/isFrozen/keys/values/entries, dataLayer.push.
const logged = { type: "contents", amount: 19.99, currency: "USD" }; // want "amount-not-integer" col=44
console.dir(logged, { depth: 2 });
console.table(logged);
console.groupCollapsed(logged);
window.console.trace(logged);
oaiq("measure", "order_created", logged);

const cloned = { type: "contents", amount: 29.99, currency: "USD" }; // want "amount-not-integer" col=44
const copy = structuredClone(cloned);
const copy2 = JSON.parse(JSON.stringify(cloned));
const merged = Object.assign({}, cloned, { source: "web" });
Object.freeze(cloned);
if (Object.isFrozen(cloned) && Object.keys(cloned).length && Object.values(cloned) && Object.entries(cloned)) oaiq("measure", "order_created", cloned);

const pushed = { type: "contents", amount: 39.99, currency: "USD" }; // want "amount-not-integer" col=44
dataLayer.push(pushed);
window.dataLayer.push({ ecommerce: pushed });
oaiq("measure", "order_created", pushed);

// The target of Object.assign, and a name handed to any other function, may change.
const target = { type: "contents", amount: 49.99, currency: "USD" };
Object.assign(target, extra);
oaiq("measure", "order_created", target); // want "dynamic-value" severity=info col=34
const validated = { type: "contents", amount: 59.99, currency: "USD" };
validate(validated);
oaiq("measure", "order_created", validated); // want "dynamic-value" severity=info col=34
const queued = { type: "contents", amount: 69.99, currency: "USD" };
queue.push(queued);
oaiq("measure", "order_created", queued); // want "dynamic-value" severity=info col=34

// A call in a handler reads the name when it runs: a write anywhere after
// the call's position, even after the handler is set, is seen by it; a call
// made at once, before the write, sees the value declared.
const clicked = { type: "contents", amount: 1999, currency: "USD" };
oaiq("measure", "order_created", clicked);
document.getElementById("buy").onclick = () => oaiq("measure", "order_created", clicked); // want "dynamic-value" severity=info col=81
clicked.amount = 19.99;
const handed = { type: "contents", amount: 2999, currency: "USD" };
button.addEventListener("click", function () { oaiq("measure", "order_created", handed); }); // want "dynamic-value" severity=info col=81
stamp(handed);
// Declared inside the handler: a fresh value on each run, read in order.
button.addEventListener("click", () => {
  const fresh = { type: "contents", amount: 9.99, currency: "USD" }; // want "amount-not-integer" col=45
  oaiq("measure", "order_created", fresh);
  fresh.sent = true;
});
// Written before the handler's call position, never after: known.
const settled = { type: "contents", currency: "USD" };
settled.amount = 5.5; // want "amount-not-integer" col=18
button.onclick = () => oaiq("measure", "order_created", settled);
