// This script initialises px_a only; the page around it may initialise
// px_b, so naming px_b is info, not an error.
oaiq("init", { pixelId: "px_a" });
oaiq("measureSingle", "px_a", "page_viewed", { type: "contents" });
oaiq("measureSingle", "px_b", "page_viewed", { type: "contents" }); // want "measure-single-pixel-unknown" severity=info col=23 msg=/the page around this file may initialise it/
