package render

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// EnvBrowser names the environment variable that points at the browser.
const EnvBrowser = "OAIQ_CHROMIUM"

// browserNames are looked up on PATH, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// ErrNoBrowser is returned (wrapped) when no browser can be found.
var ErrNoBrowser = errors.New("no Chromium found")

// FindBrowser returns the browser to run: explicit (--browser) when given,
// else $OAIQ_CHROMIUM, else the first of the usual names on PATH.
func FindBrowser(explicit string) (string, error) {
	if explicit != "" {
		return checkExecutable(explicit, "--browser")
	}
	if env := os.Getenv(EnvBrowser); env != "" {
		return checkExecutable(env, "$"+EnvBrowser)
	}
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: --render needs Chromium or Chrome; install it (Debian/Ubuntu: apt-get update && apt-get install -y chromium), or name it with --browser PATH or $%s (looked for %v on PATH)",
		ErrNoBrowser, EnvBrowser, browserNames)
}

func checkExecutable(path, from string) (string, error) {
	p, err := exec.LookPath(path)
	if err != nil {
		return "", fmt.Errorf("%w: %s names %q, which is not an executable file: %v", ErrNoBrowser, from, path, err)
	}
	return p, nil
}
