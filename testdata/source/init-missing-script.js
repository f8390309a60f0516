// A script may rely on an init made elsewhere on the page: no init-missing.
oaiq("measure", "lead_created", { type: "customer_action" });
