// A stray brace stops this file in the browser; its calls are still checked.
oaiq("init", { pixelId: "px_live_5a3c9e1f", user: { email: "ann@example.com" } }); // want "pii-raw" col=53
if (ready { // want "parse-error" severity=warning col=11
oaiq("measure", "lead_created", { type: "customer_action" });
