// In one callback the calls run in written order.
import { useEffect } from "react";

export function Pixel() {
  useEffect(() => {
    oaiq("measure", "lead_created", { type: "customer_action" }); // want "measure-before-init" col=5
    oaiq("init", { pixelId: "px_live_5a3c9e1f" });
    oaiq("consent", false); // want "consent-after-init" col=5
  }, []);
  return null;
}
