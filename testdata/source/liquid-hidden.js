// A Liquid-rendered script whose only mention of the pixel is inside
// template tags that are no JSX: nothing to read, and no parse error.
var pid = {{ settings.oaiq_pid | json }};
var ready = {% if settings.oaiq_enabled %}true{% else %}false{% endif %};
