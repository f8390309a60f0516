// The same scripts in the layout's <head> are placed right.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js" />
        <script
          dangerouslySetInnerHTML={{
            __html: `window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };`,
          }}
        />
      </head>
      <body>{children}</body>
    </html>
  );
}
