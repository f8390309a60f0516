// Package crawl audits a whole live site: it walks pages from start URLs
// and sitemaps, politely (robots.txt, a per-host rate, bounded concurrency,
// retries that honour Retry-After), extracts every HTML page with its
// response headers and same-origin scripts, and adds what only HTTP shows:
// pages robots.txt hides from the ads crawler, redirects that drop oppref,
// and pages that could not be fetched.
//
// The crawler produces documents carrying what it saw as facts
// (model.FetchFailure, model.RobotsBlock, model.OpprefDrop); the caller
// runs the rules over them and reports, exactly as for a single page.
package crawl
