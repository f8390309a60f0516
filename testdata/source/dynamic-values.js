// Values not known statically are reported once each, as info, saying what
// was not checked; no other rule guesses about them.
oaiq("init", { pixelId: PIXEL_ID, user: { email_sha256: hash(email) } }); // want "dynamic-value" severity=info col=25 msg=/pixelId is computed/ "dynamic-value" severity=info col=57 msg=/email_sha256 is computed/
oaiq("measure", "order_created", { type: "contents", amount: order.total_cents, currency: cur }); // want "dynamic-value" severity=info col=62 msg=/order\.total_cents.*integer/ "dynamic-value" severity=info col=91 msg=/currency is computed/
oaiq("measure", eventName, { ...base, amount: 2599 }); // want "dynamic-value" severity=info col=17 msg=/event name is computed/ "dynamic-value" severity=info col=28 msg=/members not known statically/
oaiq("measure", "custom", { type: "custom" }, opts); // want "dynamic-value" severity=info col=47 msg=/options is computed/
