// The same Google-Analytics-style stub inside a component is a correct loader.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html>
      <head>
        <script
          dangerouslySetInnerHTML={{
            __html: `(function(w,d,s,u,o){w[o]=w[o]||function(){(w[o].q=w[o].q||[]).push(arguments)};var js=d.createElement(s);js.async=1;js.src=u;var f=d.getElementsByTagName(s)[0];f.parentNode.insertBefore(js,f)})(window,document,"script","https://bzrcdn.openai.com/sdk/oaiq.min.js","oaiq");
oaiq("init", { pixelId: "px_live_5a3c9e1f" });`,
          }}
        />
      </head>
      <body>{children}</body>
    </html>
  );
}
