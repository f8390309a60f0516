import Script from "next/script";
import type { ReactNode } from "react";

// Café & 🍰 — the root layout loads the pixel on every page.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <Script
          id="oaiq-pixel"
          strategy="afterInteractive"
          dangerouslySetInnerHTML={{
            __html: `
              (function (w, d, s, u) {
                if (w.oaiq) return;
                var q = function () {
                  q.q.push(arguments);
                };
                q.q = [];
                w.oaiq = q;
                var js = d.createElement(s);
                js.async = true;
                js.src = u;
                var f = d.getElementsByTagName(s)[0];
                f.parentNode.insertBefore(js, f);
              })(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");

              oaiq("init", { pixelId: "px_nextjs_demo", debug: true });
            `,
          }}
        />
      </body>
    </html>
  );
}
