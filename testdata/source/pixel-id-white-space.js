// A Pixel ID pasted with white space around it: nothing documents that the
// pixel trims it. The same ID without the white space is no second pixel.
oaiq("init", { pixelId: " px_abc123 " }); // want "init-pixel-id-placeholder" severity=warning col=25 msg=/^pixelId " px_abc123 " has white space around the ID/ hint=/write "px_abc123"/
oaiq("init", { pixelId: "px_abc123" });
oaiq("measureSingle", "px_abc123\t", "page_viewed", { type: "contents" }); // want "init-pixel-id-placeholder" severity=warning msg=/^measureSingle's pixel id "px_abc123\\t" has white space/
// A near copy that differs by more than white space is still one.
oaiq("init", { pixelId: "PX_ABC123" }); // want "init-pixel-id-conflict"
