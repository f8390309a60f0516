// Loaded by blocking-script-first.html after the snippet: oaiq exists.
oaiq("measure", "contents_viewed", { type: "contents" });
