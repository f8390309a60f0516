package pixel

// The image tag's query parameters (developers.openai.com/ads/image-tag,
// July 2026), besides data[<field>] for the fields of the event's shape.
const (
	ImageParamPixel      = "pid"
	ImageParamEvent      = "event"
	ImageParamCustomName = "custom_event_name"
	ImageParamEventID    = "event_id"
	ImageParamOppref     = "oppref"
	// ImageParamOptOut is the measure option the image tag does not take.
	ImageParamOptOut = "opt_out"
)

// ImageParams lists the documented parameters other than data[…], in the
// documentation's order.
var ImageParams = []string{ImageParamPixel, ImageParamEvent, ImageParamCustomName, ImageParamEventID, ImageParamOppref}

// ImageDataParam returns the data field a data[<field>] parameter names.
func ImageDataParam(name string) (string, bool) {
	if len(name) > len("data[]") && name[:5] == "data[" && name[len(name)-1] == ']' {
		return name[5 : len(name)-1], true
	}
	return "", false
}
