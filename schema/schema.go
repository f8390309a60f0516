// Package schema holds the JSON Schemas (draft 2020-12) of the pixel's call
// arguments: the init config and its user object, the four event data
// shapes, a contents[] item and the measure options. They are embedded,
// printable (`oaiq-lint schema`) and compiled once on first use.
package schema

import (
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/oaiq-lint/oaiq-lint/model"
)

//go:embed *.schema.json
var files embed.FS

// Base is the URI every schema's $id starts with.
const Base = "https://github.com/oaiq-lint/oaiq-lint/schema/"

// Names lists the schemas by name ("init", "user", "contents", …), sorted.
func Names() []string {
	entries, _ := files.ReadDir(".")
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".schema.json"))
	}
	sort.Strings(out)
	return out
}

// Source returns a schema's JSON text as embedded.
func Source(name string) ([]byte, bool) {
	b, err := files.ReadFile(name + ".schema.json")
	return b, err == nil
}

var (
	compileOnce sync.Once
	compiled    map[string]*jsonschema.Schema
	compileErr  error
)

// compile builds every schema once; the schemas are part of the binary, so
// an error here is a programming error that every test run reports.
func compile() (map[string]*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		for _, name := range Names() {
			src, _ := Source(name)
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
			if err != nil {
				compileErr = fmt.Errorf("schema %s: %w", name, err)
				return
			}
			if err := c.AddResource(Base+name+".schema.json", doc); err != nil {
				compileErr = fmt.Errorf("schema %s: %w", name, err)
				return
			}
		}
		compiled = map[string]*jsonschema.Schema{}
		for _, name := range Names() {
			s, err := c.Compile(Base + name + ".schema.json")
			if err != nil {
				compileErr = fmt.Errorf("schema %s: %w", name, err)
				return
			}
			compiled[name] = s
		}
	})
	return compiled, compileErr
}

// Violation is one way an instance breaks a schema, at a leaf of the
// validator's error tree.
type Violation struct {
	// Location is the instance location as unescaped JSON Pointer tokens.
	Location []string
	// Kind is the validator's typed error kind (*kind.Required,
	// *kind.AdditionalProperties, *kind.Type, *kind.Pattern, …).
	Kind jsonschema.ErrorKind
	// Keyword is the schema location of the failing keyword.
	Keyword string
}

// Detail is the validator's own wording, for debugging only: findings are
// worded by the rules. (Worded on demand: wording every violation of a
// large log cost more than validating it.)
func (v Violation) Detail() string { return v.Kind.LocalizedString(english) }

// Pointer returns the violation's instance location as a JSON Pointer.
func (v Violation) Pointer() string {
	var b []byte
	for _, t := range v.Location {
		b = model.AppendEscapedPointer(append(b, '/'), t)
	}
	return string(b)
}

var english = message.NewPrinter(language.English)

// Validate checks instance (plain Go values: map[string]any, []any,
// float64, string, bool, nil) against the named schema and returns the
// leaf violations in a stable order. It panics on an unknown name.
func Validate(name string, instance any) []Violation {
	all, err := compile()
	if err != nil {
		panic(err)
	}
	s, ok := all[name]
	if !ok {
		panic("schema: no schema named " + name)
	}
	err = s.Validate(instance)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		panic(err)
	}
	var out []Violation
	leaves(ve, &out)
	// Each pointer is built once, not at every comparison.
	keyed := make([]struct {
		ptr string
		v   Violation
	}, len(out))
	for i, v := range out {
		keyed[i].ptr, keyed[i].v = v.Pointer(), v
	}
	sort.SliceStable(keyed, func(i, j int) bool { return keyed[i].ptr < keyed[j].ptr })
	for i := range keyed {
		out[i] = keyed[i].v
	}
	return out
}

// leaves collects the errors that have no causes: the group errors above
// them ("doesn't validate with …") carry no information of their own.
func leaves(e *jsonschema.ValidationError, out *[]Violation) {
	if len(e.Causes) == 0 {
		*out = append(*out, Violation{
			Location: append([]string(nil), e.InstanceLocation...),
			Kind:     e.ErrorKind,
			Keyword:  e.SchemaURL,
		})
		return
	}
	for _, c := range e.Causes {
		leaves(c, out)
	}
}
