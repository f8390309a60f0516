// A component with a syntax error still has its calls checked.
export function Checkout({ total }: { total: number }) {
  oaiq("measure", "order_created", { type: "contents", amount: 19.99, currency: "USD" }); // want "amount-not-integer" col=64
  const broken = ; // want "parse-error" severity=warning col=18
  oaiq("measure", "lead_created", { type: "customer_action" });
}
