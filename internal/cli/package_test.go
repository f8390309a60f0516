package cli

import (
	"crypto/md5"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// nfpmConfig is the part of .goreleaser.yaml's nfpms entry a package is
// made of.
type nfpmConfig struct {
	PackageName string `yaml:"package_name"`
	Maintainer  string `yaml:"maintainer"`
	Description string `yaml:"description"`
	Homepage    string `yaml:"homepage"`
	Section     string `yaml:"section"`
	Priority    string `yaml:"priority"`
	Mtime       string `yaml:"mtime"`
	Contents    []struct {
		Src      string `yaml:"src"`
		Dst      string `yaml:"dst"`
		Packager string `yaml:"packager"`
	} `yaml:"contents"`
}

// needTool finds a tool the test runs; without it the test skips, except
// in CI (CI=true), where .ci/run installs it and its absence is a failure.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; .ci/run installs it", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// TestDebianPackageIsLintianClean builds the Debian package the release
// makes, from the nfpms entry of .goreleaser.yaml (its files, their
// places, its metadata) and the release's before hook, with dpkg-deb, and
// runs lintian over it: any error or warning fails. goreleaser itself is
// not needed (building it takes minutes); TestGoreleaserCheck runs it.
func TestDebianPackageIsLintianClean(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program and a package")
	}
	lintian := needTool(t, "lintian")
	dpkgDeb := needTool(t, "dpkg-deb")
	var cfg struct {
		Nfpms []nfpmConfig `yaml:"nfpms"`
	}
	if err := yaml.Unmarshal([]byte(mustRead(t, filepath.Join(repoRoot, ".goreleaser.yaml"))), &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Nfpms) != 1 {
		t.Fatalf("%d nfpms entries", len(cfg.Nfpms))
	}
	n := cfg.Nfpms[0]
	if n.Maintainer != debianMaintainer {
		t.Errorf("nfpms maintainer %q differs from the changelog's %q", n.Maintainer, debianMaintainer)
	}
	if n.Mtime != "{{ .CommitDate }}" {
		t.Errorf("packages are not reproducible: nfpms mtime is %q", n.Mtime)
	}
	const version = "1.2.3"
	work := t.TempDir()
	build := filepath.Join(work, "build")
	// The release's before hook, into build/.
	if _, errOut, code := runCLI(t, "", "gen-docs", "--man", filepath.Join(build, "man"), "--completions", filepath.Join(build, "completions"),
		"--deb", filepath.Join(build, "deb"), "--version", version, "--date", "1767225600"); code != ExitOK {
		t.Fatalf("gen-docs: %s", errOut)
	}
	root := filepath.Join(work, "root")
	bin := filepath.Join(root, "usr", "bin", "oaiq-lint")
	// No -trimpath: the packages are those go test built, so only the link runs.
	gobuild := exec.Command("go", "build", "-ldflags", "-s -w -X github.com/oaiq-lint/oaiq-lint/internal/cli.version="+version,
		"-o", bin, "./cmd/oaiq-lint")
	gobuild.Dir = repoRoot
	gobuild.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := gobuild.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, c := range n.Contents {
		if c.Packager != "" && c.Packager != "deb" {
			continue
		}
		src := c.Src
		if rest, ok := strings.CutPrefix(src, "build/"); ok {
			src = filepath.Join(build, rest)
		} else {
			src = filepath.Join(repoRoot, src)
		}
		matches, err := filepath.Glob(src)
		if err != nil || len(matches) == 0 {
			t.Fatalf("contents %s matches nothing", c.Src)
		}
		for _, m := range matches {
			dst := c.Dst
			if strings.HasSuffix(dst, "/") {
				dst += filepath.Base(m)
			}
			data, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, root, strings.TrimPrefix(dst, "/"), string(data))
		}
	}
	// DEBIAN/control and md5sums, as nfpm writes them: the description's
	// first line is the synopsis, the rest the extended description.
	var md5sums, installed strings.Builder
	size := int64(0)
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		size += int64(len(data))
		rel, _ := filepath.Rel(root, p)
		fmt.Fprintf(&md5sums, "%x  %s\n", md5.Sum(data), filepath.ToSlash(rel))
		return os.Chmod(p, 0o644)
	})
	os.Chmod(bin, 0o755)
	synopsis, extended, _ := strings.Cut(n.Description, "\n")
	for _, l := range strings.Split(extended, "\n") {
		installed.WriteString(" " + l + "\n")
	}
	control := fmt.Sprintf("Package: %s\nVersion: %s\nSection: %s\nPriority: %s\nArchitecture: %s\nMaintainer: %s\nInstalled-Size: %d\nHomepage: %s\nDescription: %s\n%s",
		n.PackageName, version, n.Section, n.Priority, runtime.GOARCH, n.Maintainer, (size+1023)/1024, n.Homepage, synopsis, installed.String())
	writeFile(t, root, "DEBIAN/control", control)
	writeFile(t, root, "DEBIAN/md5sums", md5sums.String())
	deb := filepath.Join(work, "oaiq-lint.deb")
	if out, err := exec.Command(dpkgDeb, "--root-owner-group", "-Zgzip", "--build", root, deb).CombinedOutput(); err != nil {
		t.Fatalf("dpkg-deb: %v\n%s", err, out)
	}
	out, err := exec.Command(lintian, "--fail-on", "error,warning", deb).CombinedOutput()
	if err != nil {
		t.Errorf("lintian finds problems in the package:\n%s\ncontrol:\n%s", out, control)
	}
}
