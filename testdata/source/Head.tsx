import { Helmet } from "react-helmet";

// Entête — ça marche 🎯
export function PixelHead({ id }: { id: string }) {
  return (
    <Helmet>
      <script>{`
        oaiq("init", { pixelId: "${id}", debug: true }); // want "dynamic-value" severity=info col=33 "init-debug-enabled" severity=warning col=49
      `}</script>
    </Helmet>
  );
}
