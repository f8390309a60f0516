// measureSingle's finding lists only the pixels initialised before the
// call, and an event name where the pixel id goes is measure-args' alone.
oaiq("init", { pixelId: "px_abc123" });
oaiq("measureSingle", "px_zzz999", "lead_created", { type: "customer_action" }); // want "measure-single-pixel-unknown" severity=info col=23 msg=/initialised before it: "px_abc123"; the page/
oaiq("measureSingle", "order_created", { type: "contents" }); // want "measure-args" col=1 "event-name-unknown" col=40
oaiq("init", { pixelId: "px_def456" });
