package model

// SiteFacts is what a crawl learned about the site a page belongs to, so a
// page can be judged against its siblings.
type SiteFacts struct {
	// Pages counts the HTML pages crawled; PagesWithSDK those among them
	// that visibly load the pixel SDK.
	Pages        int
	PagesWithSDK int
}
