// A TypeScript file with a syntax error: its calls are read one by one as
// TypeScript, so `12.99 as number` is the literal 12.99 and is checked; the
// call that cannot be read is named by its line.
const d = { a: 1 ; // want "parse-error" severity=warning col=18 msg=/statement by statement: 1 pixel call was read and checked; the pixel call on line 6 could not be read, so it is not checked/
window.oaiq("measure", "items_added", { type: "contents", amount: 12.99 as number, currency: "USD" }); // want "amount-not-integer" col=67
window.oaiq("measure", "lead_created", { type: "customer_action", note: 1 +* 2 });
