import Script from "next/script";

const SDK = "https://bzrcdn.openai.com/sdk/oaiq.min.js";

// Größe, ñandú, 日本語: columns count characters, not bytes.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <p>Überschrift — 日本</p><Script src="http://bzrcdn.openai.com/sdk/oaiq.min.js" /> {/* want "snippet-late" severity=warning "snippet-src" severity=error */}
      <Script src={SDK} strategy="lazyOnload" /> {/* want "snippet-late" */}
      <Script
        src="https://bzrcdn.openai.com/sdk/oaiq.min.js"
        strategy="worker" // want "snippet-late"
      />
      <script async src="//bzrcdn.openai.com/sdk/oaiq.min.js"></script> {/* want "snippet-src" */}
      <script src={process.env.NEXT_PUBLIC_OAIQ_SDK}></script>
      <script src={`${process.env.CDN}/sdk/oaiq.min.js`}></script>
      <img src="http://bzrcdn.openai.com/sdk/oaiq.js" alt="" />
      {children}
    </>
  );
}
