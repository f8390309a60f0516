// Bouton « Ajouter » 🛒
export function AddToCart({ sku }) {
  return (
    <button onClick={() => window.oaiq?.("measure", "AddToCart", { type: "contents" })}> {/* want "event-name-unknown" severity=error col=53 */}
      Ajouter
    </button>
  );
}
