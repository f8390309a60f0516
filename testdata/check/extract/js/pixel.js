// Pixel set-up — « init » first.
const PIXEL = "px_ext";
oaiq("init", { pixelId: PIXEL });
