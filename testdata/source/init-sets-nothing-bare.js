oaiq("init"); // want "init-pixel-id-missing" severity=warning col=1 msg=/^this init sets nothing/
