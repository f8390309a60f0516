import { loadConfig } from "./config.mjs";

const cfg = await loadConfig(); // top-level await
oaiq("init", { pixelId: "px_1", debug: cfg.debug }); // want "dynamic-value:info@40"
export const ready = true;
