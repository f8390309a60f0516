// Inline suppressions are applied as a check run applies them.
oaiq("init", { pixelId: "px_123" });
// oaiq-lint-disable-next-line amount-not-integer -- legacy feed sends dollars until the migration
oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "USD" });
/* oaiq-lint-disable-next-line currency-code -- nothing left to silence */ // want "unused-suppression" severity=warning msg=/currency-code/
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "USD" });
/* oaiq-lint-disable-next-line */ // want "suppression-malformed" severity=warning msg=/must name the rules/
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "usd" }); // want "currency-code" severity=error col=78
