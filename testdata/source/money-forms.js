// Money written the way people write it (ISO 4217 decides the decimals).
oaiq("init", { pixelId: "px_live_5a3c9e1f" });
function thanks(order, cart, price) {
  oaiq("measure", "order_created", { type: "contents", amount: order.total * 100, currency: "JPY" }); // want "amount-expression" col=64
  oaiq("measure", "order_created", { type: "contents", amount: order.total * 100, currency: "KRW" }); // want "amount-expression" col=64
  oaiq("measure", "order_created", { type: "contents", amount: order.total * 100, currency: "KWD" }); // want "amount-expression" col=64
  oaiq("measure", "order_created", { type: "contents", amount: cart.total * 100, currency: "USD" }); // want "amount-expression" col=64
  oaiq("measure", "order_created", { type: "contents", amount: 100 * cart.total, currency: "EUR" }); // want "amount-expression" col=64
  oaiq("measure", "order_created", { type: "contents", amount: parseFloat(price), currency: "USD" }); // want "amount-expression" col=64
  oaiq("measure", "order_created", { type: "contents", amount: Number(price), currency: "GBP" }); // want "amount-expression" col=64
  oaiq("measure", "order_created", { type: "contents", amount: 25.00, currency: "USD" }); // want "amount-expression" col=64
  oaiq("measure", "order_created", { type: "contents", currency: "USD", contents: [{ id: "a", quantity: 1, amount: price * 100 }] }); // want "amount-expression" col=116
}
