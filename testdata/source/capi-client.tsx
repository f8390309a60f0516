"use client";
// A client component posting to the Conversions API with its key: the key
// ships to every visitor's browser, an error (server code gets a warning).
export function Thanks({ orderId }: { orderId: string }) {
  const send = () =>
    fetch("https://bzr.openai.com/v1/events?pid=px_abc123", { // want "server-api-in-browser" col=5
      method: "POST",
      headers: { Authorization: "Bearer capi_fixture_key_0123456789" }, // want "capi-key-in-code" severity=error col=33 msg=/runs in the browser/ hint=/^send the request from the server/
      body: JSON.stringify({ events: [{ id: orderId, type: "order_created", timestamp_ms: Date.now(), data: { type: "contents" } }] }),
    });
  return <button onClick={send}>Done</button>;
}
