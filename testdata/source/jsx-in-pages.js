// Next.js pages/ and Create React App write JSX in .js files.
import { useEffect } from "react";

export default function Thanks({ order }) {
  useEffect(() => {
    window.oaiq("measure", "order_created", { type: "contents", amount: 25.5, currency: "USD", contents: [{ id: "sku-1", quantity: 1 }] }); // want "amount-not-integer" col=73
    window.oaiq("measure", "lead_created", { type: "customer_action" });
  }, []);
  return <main className="thanks">Merci, {order.name}</main>;
}
