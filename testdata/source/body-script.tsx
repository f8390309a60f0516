// A raw <script> at the end of a root layout's <body> is not in <head>.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js" /> {/* want "snippet-not-in-head" col=9 */}
        <script
          dangerouslySetInnerHTML={{
            __html: `window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };`,
          }}
        />
      </body>
    </html>
  );
}
