// Misspelt keys: one finding each, with its rename; a currency written
// under another name is not also missing.
oaiq("init", { pixelId: "px_live_5a3c9e1f" });
oaiq("measure", "order_created", { type: "contents", amount: 2599, curency: "EUR" }); // want "data-unknown-field" severity=error col=68 msg=/"curency" is not supported; did you mean "currency"\?/
oaiq("measure", "order_created", { type: "contents", amount: 2599, currencyCode: "EUR" }); // want "data-unknown-field" severity=error col=68 msg=/did you mean "currency"\?/
oaiq("measure", "order_created", { type: "contents", currency: "EUR", contents: [{ id: "a", contentType: "product", quantity: 1 }] }, { eventId: "o-1" }); // want "contents-unknown-field" severity=error col=93 msg=/did you mean "content_type"\?/ "options-unknown-field" severity=error col=137 msg=/did you mean "event_id"\?/
oaiq("measure", "order_created", { type: "contents", curency: "EUR", contents: [{ id: "a", amount: 2599 }] }); // want "data-unknown-field" severity=error col=54
// An amount with no currency at all is still missing one.
oaiq("measure", "order_created", { type: "contents", amount: 2599, cur: "EUR" }); // want "currency-missing" severity=warning col=54 "data-unknown-field" severity=error col=68
