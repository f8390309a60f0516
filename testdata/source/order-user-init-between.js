// The init that gives the ID comes after the measure of the same function,
// and the user-only init between them does not give it: early.
export function boot(hash) {
  oaiq("init", { user: { email_sha256: hash } }); // want "dynamic-value" severity=info
  oaiq("measure", "page_viewed", { type: "contents" }); // want "measure-before-init" col=3
  oaiq("init", { pixelId: "px_live_5a3c9e1f" });
}
