// Loaded async by blocking-script-first.html: it runs whenever it arrives, not judged.
oaiq("measure", "items_added", { type: "contents" });
