import { Helmet } from "react-helmet";

// Entête — ça marche 🎯
export function PixelHead({ id }: { id: string }) {
  return (
    <Helmet>
      <script>{`
        oaiq("init", { pixelId: "${id}", debug: true }); // want "dynamic-value:info@33" "init-debug-enabled@49"
      `}</script>
    </Helmet>
  );
}
