// An alias of a known object, and arrays held in consts.
oaiq("init", { pixelId: "px_live_5a3c9e1f" });
const item = { id: "sku-1", quantity: 1.5 }; // want "amount-not-integer" col=39
const items = [item];
const data = { type: "contents", amount: 1999, currency: "USD", contents: items };
const sameData = data;
oaiq("measure", "order_created", sameData);
let once = { type: "customer_action", amount: 500, currency: "usd" }; // want "currency-code" col=62
oaiq("measure", "lead_created", once);
