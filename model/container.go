package model

// Container is what a tag-manager container export (or a custom template
// file) holds, for the container rules. A Container document's Calls are
// every call its active tags make; each tag keeps its own.
type Container struct {
	// PublicID is the container's public id ("GTM-XXXX"), "" when absent;
	// IDSpan is where it is written.
	PublicID string
	IDSpan   Span
	// Usage is the container's usage context (WEB, SERVER, AMP, ANDROID…).
	Usage []string
	// Skipped says why the container was not linted ("" when it was): only
	// web containers run the pixel.
	Skipped string
	// Malformed is set when the file is not a readable export.
	Malformed *Malformed
	// Tags are the active tags, in the export's order.
	Tags []*ContainerTag
	// Paused names the paused tags: they never fire and are not linted.
	Paused []string
	// Templates are the custom templates (of the export, or the one a .tpl
	// file holds).
	Templates []*ContainerTemplate
}

// Malformed is an export that could not be read, and where.
type Malformed struct {
	Message string
	Span    Span
}

// ContainerTag is one tag of a container.
type ContainerTag struct {
	Name string
	// Type is the tag type: "html" (Custom HTML), "cvt_…" (a custom
	// template), or a built-in type.
	Type string
	// Span is where the tag's name is written; Extent covers the whole tag
	// object, so findings can be grouped by tag.
	Span   Span
	Extent Span
	// Template is the custom template a cvt_ tag runs, nil otherwise.
	Template *ContainerTemplate
	// Calls are the pixel calls the tag makes (found in its Custom HTML, or
	// produced by a pixel template from its parameters).
	Calls []*Call
	// Loaders are the places the tag loads the SDK.
	Loaders []LoaderSighting
	// Triggers are the triggers that fire it.
	Triggers []ContainerTrigger
	// ConsentNeeded is true when the tag's consent settings require
	// consent before it fires; ConsentSpan is where they are written.
	ConsentNeeded bool
	ConsentSpan   Span
}

// ContainerTrigger is a trigger that fires a tag.
type ContainerTrigger struct {
	Name string
	// Type is GTM's trigger type ("click", "linkClick", "pageview",
	// "customEvent", "formSubmission", …).
	Type string
	Span Span
}

// ContainerTemplate is a custom template.
type ContainerTemplate struct {
	Name string
	Span Span
	// Gallery is the public repository its galleryReference names.
	Gallery string
	// Pixel is true for the pixel's template: its gallery repository is the
	// pixel's, or its code injects the SDK.
	Pixel bool
	// Injects are the URLs its inject_script permission allows, where each
	// is written.
	Injects []TemplateURL
	// Loads are the literal URLs its code passes to injectScript.
	Loads []TemplateURL
	// Rounds is true when its code rounds the amount to a whole number of
	// major units; Times100 when it multiplies it by a fixed 100; the
	// spans are where it does.
	Rounds, Times100        bool
	RoundSpan, Times100Span Span
	// CustomAsEvent is where its code passes the custom event name as the
	// event name (zero when it does not).
	CustomAsEvent Span
	// SelfInit is true when each of its tags initialises the pixel before
	// measuring.
	SelfInit bool
	// Calls are the literal pixel calls its code makes (in a .tpl file, or
	// in templateData), with positions in the file.
	Calls []*Call
}

// ContainerVerdict is what a container export shows a page that loads the
// container: whether its tags load the SDK and initialise the pixel.
type ContainerVerdict struct {
	ID string
	// Path is the export file.
	Path string
	// Loader is where a tag loads the SDK, Init where one initialises;
	// zero when no tag does.
	Loader, Init Span
	// Skipped is set when the export is not a linted web container (why).
	Skipped string
}

// TemplateURL is a URL a template permission allows.
type TemplateURL struct {
	URL  string
	Span Span
}
