// A computed config may hold the Pixel ID: not an init that sets nothing.
oaiq("init", window.pixelConfig); // want "dynamic-value" severity=info
oaiq("init", { ...window.pixelConfig }); // want "dynamic-value" severity=info
