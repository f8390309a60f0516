// Right forms get no finding at all, not even a dynamic-value info.
oaiq("init", { pixelId: "px_live_5a3c9e1f" });
function thanks(order, cart, price) {
  oaiq("measure", "order_created", { type: "contents", amount: Math.round(cart.total * 100), currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: Math.round(100 * parseFloat(price)), currency: "EUR" });
  oaiq("measure", "order_created", { type: "contents", amount: Math.round(order.total), currency: "JPY" }); // want "dynamic-value" severity=info col=64
  oaiq("measure", "order_created", { type: "contents", amount: Number(price), currency: "JPY" }); // want "dynamic-value" severity=info col=64
  oaiq("measure", "order_created", { type: "contents", amount: 2500, currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: 2500.0e0, currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: 1000, currency: "JPY" });
  oaiq("measure", "order_created", { type: "contents", amount: cart.total * 100, currency: cart.currency }); // want "dynamic-value" severity=info col=64 "dynamic-value" severity=info col=92
}
