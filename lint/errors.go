package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"regexp"
	"strings"
)

// hostPort is an argument that reads as a host and port (localhost:8080,
// 127.0.0.1:8080/x): a URL whose scheme was left out.
var hostPort = regexp.MustCompile(`^[A-Za-z0-9.-]+:[0-9]+(/|$)`)

// Explain turns the raw errors Go's libraries return ("stat x: no such file
// or directory", "first path segment in URL cannot contain colon") into a
// sentence saying what is wrong and how to fix it. Errors it does not know
// are returned as they are.
func Explain(err error) error {
	var dns *net.DNSError
	var ue *url.Error
	var pe *fs.PathError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) && hostPort.MatchString(pe.Path):
		return fmt.Errorf("no such file or folder; to check a URL, write it with its scheme: http://%s", pe.Path)
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder; check the path (it is relative to the working directory), or quote a glob pattern")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied: this user may not read it; change its permissions or run as a user who may")
	case errors.As(err, &dns) && dns.IsNotFound:
		return fmt.Errorf("the host %s does not resolve (no such host); check the spelling of the URL, or the network's DNS", dns.Name)
	case errors.As(err, &ue) && strings.Contains(ue.Err.Error(), "first path segment in URL cannot contain colon"):
		prefix := strings.TrimSuffix(err.Error(), ue.Error()) // "--sitemap: "
		return fmt.Errorf("%s%q is not a URL: write it with its scheme, such as http://%s", prefix, ue.URL, strings.TrimPrefix(ue.URL, "//"))
	case strings.Contains(err.Error(), "first path segment in URL cannot contain colon"):
		return errors.New("not a URL: write it with its scheme, such as https://shop.example.com/")
	}
	return err
}
