// ${…} holes are values computed at runtime, at the length they are written.
export function Thanks({ order }) {
  return (
    <script
      dangerouslySetInnerHTML={{
        __html: `oaiq("measure", "order_created", { type: "contents", amount: ${order.cents}, currency: "${order.currency}", contents: ${JSON.stringify(order.items)} });`, // want "dynamic-value" severity=info col=79 "dynamic-value" severity=info col=105 "dynamic-value" severity=info col=136
      }}
    />
  );
}
