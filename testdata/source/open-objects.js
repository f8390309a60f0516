// A spread hides what else an object holds, so absence proves nothing
// there (no data-type-missing, init-pixel-id-missing or currency-missing),
// but a member that is present and wrong is still wrong.
oaiq("init", { ...config, pixel: "px_1" }); // want "dynamic-value" severity=info col=14 "init-unknown-field" severity=error col=27
oaiq("measure", "order_created", { ...data, value: 25.99 }); // want "dynamic-value" severity=info col=34 "data-unknown-field" severity=error col=45
