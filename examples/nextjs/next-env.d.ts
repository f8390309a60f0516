/// <reference types="next" />
// Declarations only: oaiq-lint skips .d.ts files.
declare function oaiq(command: "init", config: { pixelId: string }): void;
