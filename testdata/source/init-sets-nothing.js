// A script's first init may be a re-init, but one that sets nothing is
// wrong wherever it runs: without a Pixel ID, or changing nothing.
oaiq("init", {}); // want "init-pixel-id-missing" severity=warning col=1 msg=/^this init sets nothing \(no pixelId, no user\)/
oaiq("measure", "page_viewed", { type: "contents" });
