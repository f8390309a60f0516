package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"strings"
)

// Explain turns the raw errors Go's libraries return ("stat x: no such file
// or directory", "first path segment in URL cannot contain colon") into a
// sentence saying what is wrong and how to fix it. Errors it does not know
// are returned as they are.
func Explain(err error) error {
	var dns *net.DNSError
	var ue *url.Error
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder; check the path (it is relative to the working directory), or quote a glob pattern")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied: this user may not read it; change its permissions or run as a user who may")
	case errors.As(err, &dns) && dns.IsNotFound:
		return fmt.Errorf("the host %s does not resolve (no such host); check the spelling of the URL, or the network's DNS", dns.Name)
	case errors.As(err, &ue) && strings.Contains(ue.Err.Error(), "first path segment in URL cannot contain colon"):
		return fmt.Errorf("%q is not a URL: write it with its scheme, such as https://%s", ue.URL, strings.TrimPrefix(ue.URL, "//"))
	case strings.Contains(err.Error(), "first path segment in URL cannot contain colon"):
		return errors.New("not a URL: write it with its scheme, such as https://shop.example.com/")
	}
	return err
}
