// Currency codes: another spelling of the same money is fixed safely; a
// retired code or a symbol several currencies write is another currency
// unless the amount follows, which a person confirms.
oaiq("init", { pixelId: "px_live_5a3c9e1f" });
function thanks(total) {
  oaiq("measure", "order_created", { type: "contents", amount: 75000, currency: "HRK" }); // want "currency-code" severity=error col=81 msg=/"HRK" is a retired ISO 4217 code; use "EUR"/ hint=/^HRK was replaced by EUR at 7\.53450 HRK = 1 EUR: an amount still in HRK must be converted too \(amount 75000 in HRK is 9954 in EUR\)$/
  oaiq("measure", "order_created", { type: "contents", currency: "EUR", contents: [{ id: "a", amount: 500000, currency: "BYR" }] }); // want "currency-code" severity=error col=121 msg=/contents\[0\]\.currency "BYR" is a retired/ hint=/500000 in BYR is 5000 in BYN/
  oaiq("measure", "order_created", { type: "contents", amount: total, currency: "TRL" }); // want "currency-code" severity=error col=81 hint=/must be converted too$/ "dynamic-value" severity=info col=64
  oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "$" }); // want "currency-code" severity=error col=80 msg=/a symbol, not an ISO 4217 code; use "USD" if the prices are in that currency/ hint=/CAD/
  oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "RMB" }); // want "currency-code" severity=error col=80 msg=/not an active ISO 4217 code; use "CNY"/
  oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "EUR" });
  oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "VES" });
  oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "BYN" });
}
