package crawl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
)

// Every byte read from the network is bounded, after decompression too.
//
// The transport never decompresses (http.Transport.DisableCompression, and
// every response is marked Uncompressed so colly does not either: colly
// would gunzip a Content-Encoding: x-gzip, a gzip Content-Type or any
// .xml.gz URL without a limit). colly reads at most MaxBodyBytes+1 wire
// bytes; each handler then decodes what it needs through a reader that
// fails with errTooLarge past its own limit:
//
//   - pages and feeds: MaxBodyBytes once decoded;
//   - sitemaps: streamed, never held decoded: 4 x MaxBodyBytes and
//     MaxSitemapURLs entries, the rest ignored (counted as sitemap_truncated);
//   - robots.txt: the first MaxRobotsBytes decoded bytes are parsed, the
//     rest ignored (RFC 9309 section 2.5 allows it).

// errTooLarge is returned by a limited reader past its limit.
var errTooLarge = errors.New("body too large")

// limitedReader reads at most n bytes from r and fails with errTooLarge
// (instead of a silent EOF) when r has more.
type limitedReader struct {
	r io.Reader
	n int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// One probe byte tells "exactly the limit" from "more".
		var one [1]byte
		if k, err := l.r.Read(one[:]); k > 0 {
			return 0, errTooLarge
		} else if err != nil {
			return 0, err
		}
		return 0, nil
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}

// decodedReader returns a reader of body decoded from its Content-Encoding
// (gzip, x-gzip, deflate or identity) and, when unwrapGzip is true, from a
// gzip file format recognised by its magic bytes (a .xml.gz sitemap served
// as application/gzip or octet-stream). The result is not limited: wrap it.
func decodedReader(body []byte, contentEncoding string, unwrapGzip bool) (io.Reader, error) {
	var r io.Reader = bytes.NewReader(body)
	for _, enc := range strings.Split(strings.ToLower(contentEncoding), ",") {
		switch enc = strings.TrimSpace(enc); enc {
		case "", "identity":
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(r)
			if err != nil {
				return nil, fmt.Errorf("content-encoding %s: %w", enc, err)
			}
			r = zr
		case "deflate":
			zr, err := zlib.NewReader(r)
			if err != nil {
				return nil, fmt.Errorf("content-encoding %s: %w", enc, err)
			}
			r = zr
		default:
			return nil, fmt.Errorf("unsupported content-encoding %q", enc)
		}
	}
	if unwrapGzip {
		br := &peekReader{r: r}
		if head, _ := br.peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
			zr, err := gzip.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("gzip: %w", err)
			}
			return zr, nil
		}
		return br, nil
	}
	return r, nil
}

// decodeBody decodes body (see decodedReader) into memory, at most limit
// bytes; more is errTooLarge.
func decodeBody(body []byte, contentEncoding string, unwrapGzip bool, limit int64) ([]byte, error) {
	enc := strings.TrimSpace(strings.ToLower(contentEncoding))
	if (enc == "" || enc == "identity") && !(unwrapGzip && len(body) > 1 && body[0] == 0x1f && body[1] == 0x8b) {
		if int64(len(body)) > limit {
			return nil, errTooLarge
		}
		return body, nil
	}
	r, err := decodedReader(body, contentEncoding, unwrapGzip)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	// Decoded text is usually 3-10x the compressed bytes; grow from there
	// rather than doubling from 512 bytes.
	buf.Grow(int(min(limit, int64(4*len(body)+512))))
	if _, err := buf.ReadFrom(&limitedReader{r, limit}); err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, err
		}
		return nil, fmt.Errorf("decode body: %w", err)
	}
	return buf.Bytes(), nil
}

// peekReader lets decodedReader look at the first bytes of a stream.
type peekReader struct {
	r    io.Reader
	head []byte
}

func (p *peekReader) peek(n int) ([]byte, error) {
	for len(p.head) < n {
		buf := make([]byte, n-len(p.head))
		k, err := p.r.Read(buf)
		p.head = append(p.head, buf[:k]...)
		if err != nil {
			return p.head, err
		}
	}
	return p.head, nil
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}
