// Vite's environment in a template literal is a module's expression (review F1):
// no parse-error, and the calls are checked.
oaiq("init", { pixelId: `${import.meta.env.VITE_PIXEL}`, debug: true }); // want "dynamic-value" severity=info col=25 "init-debug-enabled" col=65
oaiq("measure", "page_viewed", { type: "contents", currency: `${import.meta.env.VITE_CURRENCY}`.toUpperCase() }); // want "dynamic-value" severity=info col=62
oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "usd", note: `${import.meta.url}` }); // want "currency-code" col=78 "data-unknown-field" severity=error col=85
