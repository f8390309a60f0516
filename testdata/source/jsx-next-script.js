// pages/_app.js: next/script in a .js file, read as JSX.
import Script from "next/script";

export default function App({ Component, pageProps }) {
  return (
    <>
      <Script id="oaiq" dangerouslySetInnerHTML={{ __html: `window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };` }} />
      <Script src="https://bzrcdn.openai.com/sdk/oaiq.min.js" strategy="lazyOnload" /> {/* want "snippet-late" col=72 */}
      <Component {...pageProps} />
    </>
  );
}
