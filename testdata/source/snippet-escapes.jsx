// Escapes in a snippet's string are read as the characters the browser gets.
export function Pixel() {
  return <script dangerouslySetInnerHTML={{ __html: "oaiq(\"measure\", \"lead_created\", { type: \"lead\" });\noaiq('consent', 'yes');" }} />; // want "data-type-mismatch" col=99 "consent-value" col=128
}
