// Bouton « Ajouter » 🛒
export function AddToCart({ sku }) {
  return (
    <button onClick={() => window.oaiq?.("measure", "AddToCart", { type: "contents" })}> {/* want "event-name-unknown@53" */}
      Ajouter
    </button>
  );
}
