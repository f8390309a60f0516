// After login the site calls init again with the user object only:
// "You can omit pixelId after the first successful initialization."
export async function onLogin(user) {
  const emailHash = await sha256(user.email.trim().toLowerCase());
  window.oaiq("init", { user: { email_sha256: emailHash, country: "DE" } }); // want "dynamic-value" severity=info
}
