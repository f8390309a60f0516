// Messages that name the real problem (review, section C).
oaiq("init", { pixelId: "px_abc123", user: { zip_code: "ééé" } }); // want "zip-code-format" msg=/contains 'é': only ASCII letters \(A-Z, a-z\), digits, spaces and hyphens/
oaiq("measure ", "lead_created", { type: "customer_action" }); // want "command-unknown" col=6 msg=/^unknown command "measure ": it has white space around it; use "measure"$/
oaiq("Measure", "lead_created", { type: "customer_action" }); // want "command-unknown" col=6 msg=/commands are lower case: use "measure"/
oaiq("measure", "order_created", { type: "contents", amount: 2599n, currency: "USD" }); // want "amount-not-integer" col=62 msg=/^amount is the BigInt 2599n, which JSON cannot carry/ hint=/write 2599 without the n/
oaiq("measure", "order_created", { type: "contents", amount: NaN, currency: "USD" }); // want "amount-not-integer" col=62 msg=/is NaN \(a failed number conversion\)/
