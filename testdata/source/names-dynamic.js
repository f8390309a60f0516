// Names whose value cannot be known stay dynamic: reassigned, declared
// twice, written in a branch or after the call, mutated in ways not followed.
oaiq("init", { pixelId: "px_live_5a3c9e1f" });
let total = 1999;
total = total + 100;
oaiq("measure", "order_created", { type: "contents", amount: total, currency: "USD" }); // want "dynamic-value" severity=info col=62

const maybe = { type: "customer_action" };
if (window.promo) maybe.type = "lead"; // want "dynamic-value" severity=info col=32
oaiq("measure", "lead_created", maybe);

const after = { type: "customer_action" };
oaiq("measure", "lead_created", after);
after.type = "lead";

const items = [];
items.push({ id: "sku-1", quantity: 1 });
oaiq("measure", "order_created", { type: "contents", amount: 1999, currency: "USD", contents: items }); // want "dynamic-value" severity=info col=95

const self = { type: "customer_action", again: self.type }; // want "data-unknown-field" col=41
oaiq("measure", "lead_created", self);

const cfg = { pixelId: "px_live_5a3c9e1f", user: { email: "ann@example.com" } };
cfg.user.email = sha256(cfg.user.email);
oaiq("init", cfg); // want "dynamic-value" severity=info col=14

const keyed = { type: "customer_action", amount: 19.99, currency: "USD" };
keyed["amount"] = 1999;
oaiq("measure", "lead_created", keyed); // want "dynamic-value" severity=info col=33
