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
  // The currency computed: x * 100 unrounded is noise whatever it is (issue 25 of the review).
  oaiq("measure", "order_created", { type: "contents", amount: cart.total * 100, currency: cart.currency }); // want "amount-expression" col=64 msg=/not rounded/ hint=/Math\.round\(cart\.total \* 100\); and scale by the currency's own decimals/ "dynamic-value" severity=info col=92
  // toFixed gives text: a string, not a number, rounded or not.
  oaiq("measure", "order_created", { type: "contents", amount: (order.total * 100).toFixed(0), currency: "USD" }); // want "amount-expression" col=64 msg=/is \(order\.total \* 100\)\.toFixed\(0\), a string: toFixed returns text/ hint=/^send a number: Math\.round\(order\.total \* 100\)$/
  oaiq("measure", "order_created", { type: "contents", amount: price.toFixed(2), currency: "EUR" }); // want "amount-expression" col=64 msg=/a string/ hint=/Math\.round\(price \* 100\)/
  oaiq("measure", "order_created", { type: "contents", amount: price.toFixed(2), currency: "JPY" }); // want "amount-expression" col=64 msg=/a string/ hint=/round without toFixed/
  // A literal product folds as JavaScript computes it: x * 100 for a currency without cents.
  oaiq("measure", "order_created", { type: "contents", amount: 1500 * 100, currency: "JPY" }); // want "amount-expression" col=64 msg=/JPY has no minor unit/ hint=/^send 1500, the amount in JPY's minor unit/
  oaiq("measure", "order_created", { type: "contents", amount: 12.5 * 100, currency: "KWD" }); // want "amount-expression" col=64 msg=/KWD has 3 decimals/ hint=/^send 12500,/
  // A tag manager's variable times 100: the arithmetic is the page's JavaScript.
  oaiq("measure", "order_created", { type: "contents", amount: {{ cart.total }} * 100, currency: "USD" }); // want "amount-expression" col=64 msg=/not rounded/ hint=/Math\.round\(\{\{ cart\.total \}\} \* 100\)$/
  // Truncating a price times 100 loses the cent its float noise hides (review F4): the whole expression is quoted, and the fix rounds its operand.
  oaiq("measure", "order_created", { type: "contents", amount: ~~(price * 100), currency: "USD" }); // want "amount-expression" col=64 msg=/^amount is ~~\(price \* 100\), which truncates: .*19\.99 becomes 1998/ hint=/^round it instead: Math\.round\(price \* 100\)$/
  oaiq("measure", "order_created", { type: "contents", amount: price * 100 | 0, currency: "USD" }); // want "amount-expression" col=64 msg=/^amount is price \* 100 \| 0, which truncates/ hint=/^round it instead: Math\.round\(price \* 100\)$/
  oaiq("measure", "order_created", { type: "contents", amount: Math.trunc(price * 100), currency: "USD" }); // want "amount-expression" col=64 msg=/which truncates/ hint=/^round it instead: Math\.round\(price \* 100\)$/
  oaiq("measure", "order_created", { type: "contents", amount: Math.floor(cart.total * 100), currency: "EUR" }); // want "amount-expression" col=64 msg=/which truncates/ hint=/^round it instead: Math\.round\(cart\.total \* 100\)$/
  oaiq("measure", "order_created", { type: "contents", amount: parseInt(cart.total * 100, 10), currency: "EUR" }); // want "amount-expression" col=64 msg=/which truncates/
  oaiq("measure", "order_created", { type: "contents", amount: (price * 100) >> 0, currency: "GBP" }); // want "amount-expression" col=64 msg=/^amount is \(price \* 100\) >> 0, which truncates/
  oaiq("measure", "order_created", { type: "contents", amount: Math.ceil(price * 100), currency: "USD" }); // want "amount-expression" col=64 msg=/which rounds up: .*0\.07 becomes 8/ hint=/^round it instead: Math\.round\(price \* 100\)$/
  oaiq("measure", "order_created", { type: "contents", amount: ~~(price * 100), currency: cart.currency }); // want "amount-expression" col=64 msg=/which truncates/ hint=/^round it instead: Math\.round\(price \* 100\); and scale by the currency's own decimals/ "dynamic-value" severity=info col=91
  oaiq("measure", "order_created", { type: "contents", amount: ~~(price * 100), currency: "JPY" }); // want "amount-expression" col=64 msg=/JPY has no minor unit/
  // toFixed(2)'s text made a number is the price in major units, a number, not a string.
  oaiq("measure", "order_created", { type: "contents", amount: +price.toFixed(2), currency: "USD" }); // want "amount-expression" col=64 msg=/^amount is \+price\.toFixed\(2\), the price in major units/
}
