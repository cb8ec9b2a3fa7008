package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xenoscope/xenoscope/extract"
)

func init() {
	register("extract", "extract the article (title, text, date, authors, language) from one HTML page as JSON", runExtract)
}

func runExtract(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "extract", "[-url URL] [-content-type TYPE] FILE   (FILE: .html, .html.gz, or - for stdin)")
	pageURL := fs.String("url", "", "the page's URL (resolves links, helps find the date); printed as url")
	contentType := fs.String("content-type", "", `the HTTP Content-Type header, e.g. "text/html; charset=windows-1252" (charset detection otherwise uses <meta> and sniffing)`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErr("", "extract needs exactly one FILE (.html, .html.gz, or - for stdin), got %d arguments", fs.NArg())
	}
	name := fs.Arg(0)
	raw, err := readPage(env.Stdin, name)
	if err != nil {
		return err
	}
	res, err := extract.Extract(raw, *pageURL, *contentType)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

// readPage reads FILE ("-" is stdin), gunzipping it when it is gzip
// (by its magic bytes, whatever the name) and refusing more than
// extract.MaxInputSize bytes of HTML.
func readPage(stdin io.Reader, name string) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, usageErr("give the path of an .html or .html.gz file, or - for stdin", "extract: file %s does not exist", name)
			}
			return nil, fmt.Errorf("extract: %w", err)
		}
		defer f.Close()
		r = f
	}
	const limit = extract.MaxInputSize
	head := make([]byte, 2)
	n, err := io.ReadFull(r, head)
	head = head[:n]
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, fmt.Errorf("extract: read %s: %w", name, err)
	}
	r = io.MultiReader(bytes.NewReader(head), r)
	gz := bytes.Equal(head, []byte{0x1f, 0x8b})
	if gz {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("extract: %s is not valid gzip: %w", name, err)
		}
		defer zr.Close()
		r = zr
	} else if strings.HasSuffix(name, ".gz") {
		return nil, fmt.Errorf("extract: %s is named .gz but is not gzip (no gzip header)", name)
	}
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		if gz {
			return nil, fmt.Errorf("extract: %s is not valid gzip: %w", name, err)
		}
		return nil, fmt.Errorf("extract: read %s: %w", name, err)
	}
	if len(raw) > limit {
		return nil, fmt.Errorf("extract: %s: %w: more than %d bytes", name, extract.ErrTooLarge, limit)
	}
	if len(raw) == 0 {
		return nil, usageErr("", "extract: %s is empty", name)
	}
	return raw, nil
}
