// Loaded by blocking-script-first.html before the snippet.
oaiq("measure", "page_viewed", { type: "contents" }); // want "call-before-loader" severity=warning msg=/the page runs this script where its <script src> stands \(.*blocking-script-first.html:6\), and the snippet comes later in the page \(.*:7\)/
