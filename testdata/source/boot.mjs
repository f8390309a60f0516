import { loadConfig } from "./config.mjs";

const cfg = await loadConfig(); // top-level await
oaiq("init", { pixelId: "px_1", debug: cfg.debug }); // want "dynamic-value" severity=info col=40
export const ready = true;
