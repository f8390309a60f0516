// A snippet assembled in a const and injected later.
const snippet = 'oaiq("init", { pixelId: "px_live_5a3c9e1f" });' + "\n" +
  'oaiq("measure", "lead_created", { type: "lead" });'; // want "data-type-mismatch" col=44

export function Pixel() {
  return <script dangerouslySetInnerHTML={{ __html: snippet }} />;
}
