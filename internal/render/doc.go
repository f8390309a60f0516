// Package render loads pages in a headless Chromium and records every pixel
// call they make, so values computed at run time, calls made by bundles or
// tag managers and calls fired by interactions can be checked like the
// calls written in a page.
//
// One browser serves a whole run; each page gets its own tab. The tab's
// requests are intercepted (DevTools Fetch domain): the SDK URL is answered
// with recorder.js, the pixel's event host is blocked, and the site's own
// requests go through. Nothing reaches the real pixel endpoints; the
// browser's resolver also maps both pixel hosts to nowhere, in case a
// request escapes interception (a service worker, say).
package render
