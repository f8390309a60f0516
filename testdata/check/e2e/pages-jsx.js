// pages/thanks.js in a Next.js app: JSX in a .js file, checked whole.
import Head from "next/head";

export default function Thanks({ order }) {
  const data = { type: "contents", amount: order.total * 100, currency: "USD" }; // want "amount-expression"
  if (typeof window !== "undefined") {
    window.oaiq("measure", "order_created", data);
  }
  return (
    <>
      <Head><title>Merci</title></Head>
      <p style={{ color: "green" }}>Merci !</p>
    </>
  );
}
