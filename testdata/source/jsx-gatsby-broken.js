// A Gatsby src/html.js with a syntax error: its pixel code sits in JSX
// double braces, so it is read as JSX and the error is reported, never a
// silent "0 calls".
import React from "react";

export default function HTML(props) {
  return (
    <html>
      <head>
        <script dangerouslySetInnerHTML={{ __html: `oaiq("init", { pixelId: "px_abc123" });` }} />
      </head
      <body>{props.body}</body> {/* want "parse-error" severity=warning col=7 */}
    </html>
  );
}
