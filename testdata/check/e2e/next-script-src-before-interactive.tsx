import Script from "next/script";

// Ça marche: the SDK is injected in <head> before hydration.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body>
        <Script src="https://bzrcdn.openai.com/sdk/oaiq.min.js" strategy="beforeInteractive" />
        {children}
      </body>
    </html>
  );
}
