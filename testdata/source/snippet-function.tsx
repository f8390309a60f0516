// Strings returned by a function used as __html are the script it renders.
function pixelSnippet(id: string) {
  return `oaiq("init", { pixelId: "${id}" });  // want "dynamic-value" severity=info col=35
oaiq("measure", "lead_created", { type: "lead" });`; // want "data-type-mismatch" col=41
}
const consentSnippet = () => "oaiq('consent', 'no');"; // want "consent-value" col=47
const unrelated = () => "<p>oaiq('track')</p>";

export default function Head() {
  return (
    <head>
      <script dangerouslySetInnerHTML={{ __html: pixelSnippet("px_live_5a3c9e1f") }} />
      <script dangerouslySetInnerHTML={{ __html: consentSnippet() }} />
      <div dangerouslySetInnerHTML={{ __html: unrelated() }} />
    </head>
  );
}
