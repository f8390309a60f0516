// Package lsp is oaiq-lint's language server: diagnostics, fixes as code
// actions and rule explanations on hover, for every file kind the linter
// reads, through the same lint engine, configuration, suppressions and
// baseline as the command line.
//
// The JSON-RPC layer is written here rather than taken from a library: the
// server needs a dozen messages over one stdio stream, the protocol's
// framing is a header and a JSON body, and a hand-written loop keeps the
// binary's dependencies (and what a bad message can reach) small.
package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// message is any JSON-RPC 2.0 message: a request (ID and Method), a
// notification (Method only) or a response (ID, Result or Error).
type message struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id,omitempty"`
	Method  string           `json:"method,omitempty"`
	Params  json.RawMessage  `json:"params,omitempty"`
	Result  any              `json:"result,omitempty"`
	Error   *rpcError        `json:"error,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeMethodNotFound = -32601
	codeInternal       = -32603
)

// maxMessage bounds one message: a buffer of a few megabytes is a page;
// anything far larger is not a text document.
const maxMessage = 64 << 20

// readMessage reads one framed message (Content-Length header, blank
// line, body).
func readMessage(r *bufio.Reader) ([]byte, error) {
	tp := textproto.NewReader(r)
	h, err := tp.ReadMIMEHeader()
	if err != nil {
		return nil, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(h.Get("Content-Length")))
	if err != nil || n < 0 || n > maxMessage {
		return nil, fmt.Errorf("bad Content-Length %q", h.Get("Content-Length"))
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, err
	}
	return body, nil
}

// conn writes framed messages; many goroutines (the debounced lints) may
// write at once.
type conn struct {
	mu sync.Mutex
	w  io.Writer
}

func (c *conn) send(m message) error {
	m.JSONRPC = "2.0"
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n", len(b)); err != nil {
		return err
	}
	_, err = c.w.Write(b)
	return err
}

func (c *conn) notify(method string, params any) error {
	b, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return c.send(message{Method: method, Params: b})
}

func (c *conn) reply(id *json.RawMessage, result any, err *rpcError) error {
	if err != nil {
		return c.send(message{ID: id, Error: err})
	}
	if result == nil {
		// A null result must still be present in a response.
		return c.sendRaw(id, json.RawMessage("null"))
	}
	return c.send(message{ID: id, Result: result})
}

func (c *conn) sendRaw(id *json.RawMessage, result json.RawMessage) error {
	return c.send(message{ID: id, Result: result})
}
