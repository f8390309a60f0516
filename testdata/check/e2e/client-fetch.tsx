"use client";

export function BuyButton({ orderId }: { orderId: string }) {
  return (
    <button
      onClick={() =>
        fetch("https://bzr.openai.com/v1/sdk/events", { method: "POST", body: JSON.stringify({ orderId }) }) // want "server-api-in-browser"
      }
    >
      Buy
    </button>
  );
}
