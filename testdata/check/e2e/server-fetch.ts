// Server code (no "use client"): the Conversions API belongs here.
export async function sendConversion(orderId: string) {
  await fetch("https://bzr.openai.com/v1/sdk/events", { method: "POST", body: JSON.stringify({ orderId }) });
}
