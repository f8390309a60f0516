// Right order in a callback, and consent revoked later from a handler.
import { useEffect } from "react";

export function Pixel() {
  useEffect(() => {
    oaiq("consent", false);
    oaiq("init", { pixelId: "px_live_5a3c9e1f" });
    oaiq("measure", "lead_created", { type: "customer_action" });
  }, []);
  const revoke = () => oaiq("consent", false);
  return <button onClick={revoke}>Stop tracking</button>;
}
