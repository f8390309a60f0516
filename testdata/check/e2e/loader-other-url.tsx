// In components too: a loader or a script tag pointing anywhere but the SDK URL.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html>
      <head>
        <script async src="https://oaiq.openai.com/pixel.js?id=px_live_5a3c9e1f" /> {/* want "snippet-src" */}
        <script
          dangerouslySetInnerHTML={{
            __html: `!function(w,d,s,u){if(w.oaiq)return;var q=function(){q.q.push(arguments)};q.q=[];w.oaiq=q;var js=d.createElement(s);js.async=!0;js.src=u;var f=d.getElementsByTagName(s)[0];f.parentNode.insertBefore(js,f)}(window,document,"script","https://cdn.example.com/oaiq.js");`, // want "snippet-src"
          }}
        />
      </head>
      <body>{children}</body>
    </html>
  );
}
