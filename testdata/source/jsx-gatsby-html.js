// Gatsby's src/html.js: JSX in a .js file whose only pixel code sits in
// dangerouslySetInnerHTML={{ __html: … }}, which looks like a template tag.
import React from "react";

export default function HTML(props) {
  return (
    <html>
      <head>
        <script dangerouslySetInnerHTML={{ __html: `oaiq("init", { pixelId: "px_abc123" }); oaiq("measure", "order_created", { type: "contents", amount: 9.99, currency: "USD" });` }} /> {/* want "amount-not-integer" col=154 */}
      </head>
      <body style={{ margin: 0 }}>{props.body}</body>
    </html>
  );
}
