package module

import (
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// point is one source-map mapping, as byte offsets in the generated code
// and in the original source.
type point struct {
	gen, orig int
}

// decodeMap reads a version 3 source map of one source and returns its
// mapping points in generated order. Source-map columns count UTF-16 code
// units; they are converted to byte offsets here, against both texts.
func decodeMap(raw []byte, gen, orig []byte) ([]point, error) {
	var sm struct {
		Version  int    `json:"version"`
		Mappings string `json:"mappings"`
	}
	if err := json.Unmarshal(raw, &sm); err != nil {
		return nil, err
	}
	if sm.Version != 3 {
		return nil, errors.New("source map is not version 3")
	}
	genLines, origLines := lineStarts(gen), lineStarts(orig)
	genAt, origAt := &utf16Cursor{b: gen, starts: genLines}, &utf16Cursor{b: orig, starts: origLines}
	var pts []point
	var genLine, genCol, src, origLine, origCol, name int
	fields := 0
	var vals [5]int
	for i := 0; i <= len(sm.Mappings); {
		if i == len(sm.Mappings) || sm.Mappings[i] == ',' || sm.Mappings[i] == ';' {
			if fields > 0 {
				genCol += vals[0]
				if fields >= 4 {
					src += vals[1]
					origLine += vals[2]
					origCol += vals[3]
					if fields == 5 {
						name += vals[4]
					}
					if src == 0 && genLine < len(genLines) && origLine < len(origLines) {
						pts = append(pts, point{
							gen:  genAt.offset(genLine, genCol),
							orig: origAt.offset(origLine, origCol),
						})
					}
				}
			}
			if i < len(sm.Mappings) && sm.Mappings[i] == ';' {
				genLine++
				genCol = 0
			}
			fields = 0
			i++
			continue
		}
		v, n, err := vlq(sm.Mappings[i:])
		if err != nil {
			return nil, err
		}
		if fields < len(vals) {
			vals[fields] = v
		}
		fields++
		i += n
	}
	return pts, nil
}

// vlq decodes one base64 VLQ number and returns it with its length.
func vlq(s string) (int, int, error) {
	shift, val := 0, 0
	for i := 0; i < len(s); i++ {
		d := base64Digit(s[i])
		if d < 0 {
			return 0, 0, errors.New("bad character in source-map mappings")
		}
		val |= (d & 31) << shift
		shift += 5
		if d&32 == 0 {
			if val&1 == 1 {
				return -(val >> 1), i + 1, nil
			}
			return val >> 1, i + 1, nil
		}
	}
	return 0, 0, errors.New("truncated source-map mappings")
}

func base64Digit(c byte) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return -1
}

// lineStarts returns the byte offset of each line, with the line breaks
// JavaScript (and esbuild's source maps) count: \n, \r\n, \r, U+2028 and
// U+2029.
func lineStarts(b []byte) []int {
	starts := []int{0}
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case 0xE2:
			if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9) {
				i += 2
				starts = append(starts, i+1)
			}
		}
	}
	return starts
}

// utf16Cursor converts a line and a column in UTF-16 code units to a byte
// offset: characters beyond the Basic Multilingual Plane (emoji) count two
// units, and every other character one, whatever its UTF-8 length. It goes
// on from the last position asked when the next is further on the same
// line: mappings come in order along a line, and a minified line holds
// thousands of them.
type utf16Cursor struct {
	b              []byte
	starts         []int
	line, col, off int
	valid          bool
}

func (c *utf16Cursor) offset(line, col int) int {
	if !c.valid || line != c.line || col < c.col {
		c.line, c.col, c.off, c.valid = line, 0, c.starts[line], true
	}
	end := len(c.b)
	if line+1 < len(c.starts) {
		end = c.starts[line+1]
	}
	i, units := c.off, c.col
	for units < col && i < end {
		r, size := utf8.DecodeRune(c.b[i:])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		i += size
	}
	c.col, c.off = units, i
	return i
}
