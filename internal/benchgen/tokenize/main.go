//go:build oaiqtools

// Command tokenize is the cost floor of the speed harness: it reads every
// page under a folder and runs x/net/html's tokenizer over it, on one
// goroutine, doing nothing with the tokens.
//
//	go run -tags oaiqtools ./internal/benchgen/tokenize DIR
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/net/html"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tokenize DIR")
		os.Exit(2)
	}
	var files, tokens, size int64
	err := filepath.WalkDir(os.Args[1], func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := filepath.Ext(p); ext != ".html" && ext != ".liquid" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		size += int64(len(data))
		z := html.NewTokenizer(bytes.NewReader(data))
		for z.Next() != html.ErrorToken {
			tokens++
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "tokenize:", err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes, %d tokens\n", files, size, tokens)
}
