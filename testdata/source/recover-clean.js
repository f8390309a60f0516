// Valid code gets no parse-error and no recovery.
oaiq("init", { pixelId: "px_live_5a3c9e1f" });
if (ready) {
  oaiq("measure", "lead_created", { type: "customer_action" });
}
