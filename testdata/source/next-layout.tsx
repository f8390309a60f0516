import Script from "next/script";

const loader = `(function (w, d, s, u) { if (w.oaiq) return; var q = function () { q.q.push(arguments); }; q.q = []; w.oaiq = q; var js = d.createElement(s); js.async = true; js.src = u; var f = d.getElementsByTagName(s)[0]; f.parentNode.insertBefore(js, f); })(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");`;

// Ünïcode 😀 before the element.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html>
      <body>
        {children}
        <Script id="oaiq">{`(function (w, d, s, u) { if (w.oaiq) return; var q = function () { q.q.push(arguments); }; q.q = []; w.oaiq = q; var js = d.createElement(s); js.async = true; js.src = u; var f = d.getElementsByTagName(s)[0]; f.parentNode.insertBefore(js, f); })(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js"); // want "snippet-late" severity=warning col=9
          oaiq("init", { pixelId: "${process.env.NEXT_PUBLIC_OAIQ_PIXEL}", debug: process.env.NODE_ENV !== "production" }); // want "dynamic-value" severity=info col=35 "dynamic-value" severity=info col=83
        `}</Script>
      </body>
    </html>
  );
}
