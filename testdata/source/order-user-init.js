// An init with user data only updates a pixel initialised elsewhere
// ("You can omit pixelId after the first successful initialization"): a
// measure before it is not early.
export function onLogin(hash) {
  oaiq("measure", "registration_completed", { type: "customer_action" });
  oaiq("init", { user: { email_sha256: hash } }); // want "dynamic-value" severity=info
}

