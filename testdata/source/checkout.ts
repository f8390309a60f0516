// Panier réglé — €, 😀 before the calls.
import { track } from "./analytics";

interface Order { id: string; total: number }

const PRICE: number = 2599;

export function sent(order: Order): void {
  const é = "😀"; (window as any).oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "EUR" }); // want "amount-not-integer" severity=error col=95
  globalThis.oaiq("measure", "order_created", { type: "contents", amount: PRICE, currency: 'eur' }); // want "currency-code" severity=error col=92
  track(order);
}
