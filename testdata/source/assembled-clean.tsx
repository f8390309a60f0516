// Valid assembled snippets stay clean: pieces joined without noise.
export function Pixel({ id }: { id: string }) {
  return (
    <script
      dangerouslySetInnerHTML={{
        __html: "window.oaiq = window.oaiq || function () { (oaiq.q = oaiq.q || []).push(arguments); };" +
          "oaiq('measure', 'lead_created', { type: 'customer_action' });",
      }}
    />
  );
}
