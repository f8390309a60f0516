// ${…} holes are values computed at runtime, at the length they are written.
export function Thanks({ order }) {
  return (
    <script
      dangerouslySetInnerHTML={{
        __html: `oaiq("measure", "order_created", { type: "contents", amount: ${order.cents}, currency: "${order.currency}", contents: ${JSON.stringify(order.items)} });`, // want "dynamic-value:info@79" "dynamic-value:info@105" "dynamic-value:info@136"
      }}
    />
  );
}
