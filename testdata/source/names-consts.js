// Values behind names: single-assignment consts and lets, spreads of known
// objects and simple member writes are read as the values they hold.
const pixelId = "px_live_5a3c9e1f";
oaiq("init", pixelId); // want "field-type" col=14
oaiq("init", { pixelId });

const lead = { type: "lead", value: 19.99 }; // want "data-type-mismatch" col=22 "data-unknown-field" col=30
oaiq("measure", "lead_created", lead);

const base = { type: "contents", currency: "USD" };
const order = { ...base, amount: 19.99 }; // want "amount-not-integer" col=34
oaiq("measure", "order_created", order);
oaiq("measure", "order_created", { ...base, amount: 1999 });

function onSignup(form) {
  const user = {};
  user.email = form.email; // want "pii-raw" col=8
  oaiq("init", { user });
  let data = { type: "customer_action" };
  data.amount = 500; // want "currency-missing" col=8
  oaiq("measure", "lead_created", data);
}

// Handed to a function before the call: it may add what is missing, so nothing is judged.
const handed = { amount: 1 };
withMoney(handed);
oaiq("measure", "order_created", handed); // want "dynamic-value" severity=info col=34
const nested = { type: "contents", contents: [] };
nested.contents.push({ id: "sku_1" });
oaiq("measure", "order_created", nested); // want "dynamic-value" severity=info col=34
