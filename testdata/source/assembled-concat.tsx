// Snippets assembled from string and template-literal pieces are read as one script.
export default function Layout({ pixelId, order }: { pixelId: string; order: { currency: string } }) {
  return (
    <html>
      <head>
        <script dangerouslySetInnerHTML={{ __html: `if(true){` + `oaiq('track','page_viewed');` + `}` }} /> {/* want "command-unknown" col=72 */}
        <script dangerouslySetInnerHTML={{ __html: "oaiq('init', { pixelId: '" + pixelId + "' });" }} /> {/* want "dynamic-value" severity=info col=77 */}
        <script
          dangerouslySetInnerHTML={{
            __html:
              `oaiq("measure", "order_created", {` +
              ` type: "contents", amount: 12.5,` + // want "amount-not-integer" col=43
              ` currency: "${order.currency}" });`, // want "dynamic-value" severity=info col=27
          }}
        />
      </head>
      <body />
    </html>
  );
}
