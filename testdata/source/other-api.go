// want "parse-error" severity=info col=1 msg=/^Go source is not read/
package main

// A literal Bearer token for another API: the file never names the
// Conversions API's endpoint, so it is no capi-key-in-code finding.
const auth = "Bearer other_api_token_0123456789"
