package render

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"
)

// browser is shared by the package's browser tests; nil when none was
// found outside CI (those tests then skip).
var (
	browser   *Browser
	noBrowser error
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	var err error
	browser, err = Start(context.Background(), Options{Page: PageOptions{Wait: 100 * time.Millisecond, PageTimeout: 20 * time.Second}})
	if err != nil {
		if os.Getenv("CI") == "true" || !errors.Is(err, ErrNoBrowser) {
			fmt.Fprintln(os.Stderr, "render tests need a browser:", err)
			return 1
		}
		noBrowser = err
	}
	defer func() {
		if browser != nil {
			browser.Close()
		}
	}()
	return m.Run()
}

// needBrowser skips t when no browser is installed (never in CI).
func needBrowser(t *testing.T) *Browser {
	t.Helper()
	if browser == nil {
		t.Skipf("skipping: %v", noBrowser)
	}
	return browser
}
