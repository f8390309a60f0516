"use client";

import { useEffect } from "react";

type Order = { id: string; totalCents: number };

declare global {
  interface Window {
    oaiq?: (...args: unknown[]) => void;
  }
}

export default function CheckoutSuccess({ order }: { order: Order }) {
  useEffect(() => {
    // Commande réussie 🎉 — sent once the order is confirmed.
    window.oaiq?.("measure", "order_complete", { type: "contents", amount: 2599, currency: "usd" }, { event_id: order.id });
  }, [order]);

  return <p>Merci ! Votre commande est confirmée.</p>;
}
