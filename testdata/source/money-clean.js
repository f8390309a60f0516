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
  // A rounded * 100 beside a computed currency is right for two decimals only: an info says so (review A25), nothing is guessed.
  oaiq("measure", "order_created", { type: "contents", amount: Math.round(cart.total * 100), currency: cart.currency }); // want "dynamic-value" severity=info col=64 msg=/not checked: that the currency, computed too, has 2 decimals, as its \* 100 assumes \(JPY has none, KWD three\)$/ "dynamic-value" severity=info col=104 msg=/active ISO 4217 code/
  oaiq("measure", "order_created", { type: "contents", currency: cart.currency, contents: [{ id: "a", quantity: 1, amount: Math.round(price * 100) }] }); // want "dynamic-value" severity=info col=66 "dynamic-value" severity=info col=124 msg=/computed too, has 2 decimals/
  // Without a factor of 100 the amount's scale is not read from the code: the usual info.
  oaiq("measure", "order_created", { type: "contents", amount: cart.totalCents, currency: cart.currency }); // want "dynamic-value" severity=info col=64 msg=/not checked: that it is an integer in the currency's minor unit$/ "dynamic-value" severity=info col=91
  // A literal product is what JavaScript computes: 25.99 * 100 is 2599 exactly, so is its rounding.
  oaiq("measure", "order_created", { type: "contents", amount: 25.99 * 100, currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: Math.round(19.99 * 100), currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: 1500, currency: "JPY" });
  // toFixed(0)'s text turned back into a number is rounded.
  oaiq("measure", "order_created", { type: "contents", amount: Number((cart.total * 100).toFixed(0)), currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: parseInt((cart.total * 100).toFixed(0), 10), currency: "USD" });
  // A server template's own arithmetic is its business.
  oaiq("measure", "order_created", { type: "contents", amount: <%= order.total * 100 %>, currency: "USD" }); // want "dynamic-value" severity=info col=64
  // toFixed(0)'s text made a number in any way is rounded (review F4): a number, not a string.
  oaiq("measure", "order_created", { type: "contents", amount: +(cart.total * 100).toFixed(0), currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: (cart.total * 100).toFixed(0) * 1, currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: (cart.total * 100).toFixed(0) - 0, currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: parseInt((cart.total * 100).toFixed(0)), currency: "USD" });
  // A truncation of what is already an integer loses nothing.
  oaiq("measure", "order_created", { type: "contents", amount: Math.round(cart.total * 100) | 0, currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: Math.floor(Math.round(cart.total * 100)), currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: ~~order.totalCents, currency: "USD" }); // want "dynamic-value" severity=info col=64
  // Integers combined are integers: a sum of rounded amounts, a rounded amount or nothing.
  oaiq("measure", "order_created", { type: "contents", amount: Math.round(cart.total * 100) + Math.round(cart.tax * 100), currency: "USD" });
  oaiq("measure", "order_created", { type: "contents", amount: cart.paid ? Math.round(cart.total * 100) : 0, currency: "USD" });
}
