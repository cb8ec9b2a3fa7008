package extract

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// metaScanLimit is how far into the page <meta charset> is looked for. The
// HTML standard says 1024 bytes, but real pages often put the declaration
// after kilobytes of scripts and styles; browsers then re-parse.
const metaScanLimit = 64 << 10

// DecodeHTML converts raw, an HTML page in any charset, to UTF-8 and reports
// the charset it used (a WHATWG name such as "utf-8", "windows-1252",
// "shift_jis") and how it was found: "bom", "header", "meta", "valid-utf8" or
// "sniffed".
//
// The order is: a byte-order mark; the charset parameter of contentType (the
// HTTP Content-Type header); <meta charset> or <meta http-equiv=Content-Type>
// in the first 64 KB; then, with no usable declaration, UTF-8 when raw is
// valid UTF-8, else a statistical guess (github.com/gogs/chardet) with
// windows-1252 as the last resort. One exception to "declaration wins": a
// page declared as a single-byte legacy charset (ISO-8859-x, windows-125x)
// whose bytes are nonetheless valid UTF-8 with non-ASCII content is decoded
// as UTF-8, because such a page is a server misconfiguration (a default
// charset=ISO-8859-1 header) far more often than real Latin-1 text that
// happens to form valid UTF-8 sequences. Conversely, a UTF-8 declaration
// is skipped when no non-ASCII byte of the page forms valid UTF-8 (a legacy
// page behind a server-wide "charset=utf-8"); a UTF-8 page with a few stray
// invalid bytes stays UTF-8.
func DecodeHTML(raw []byte, contentType string) (text []byte, charsetName, source string, err error) {
	enc, name, source := detectCharset(raw, contentType)
	if enc == encoding.Nop || name == "utf-8" {
		return bytes.TrimPrefix(raw, utf8BOM), "utf-8", source, nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), raw)
	if err != nil {
		// x/text decoders replace invalid input with U+FFFD rather than
		// fail; should one fail anyway, windows-1252 decodes any byte.
		out, _, err = transform.Bytes(charmap.Windows1252.NewDecoder(), raw)
		if err != nil {
			return nil, name, source, fmt.Errorf("decode %s: %w", name, err)
		}
		name, source = "windows-1252", source+"-decode-failed"
	}
	return bytes.TrimPrefix(out, utf8BOM), name, source, nil
}

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

func detectCharset(raw []byte, contentType string) (encoding.Encoding, string, string) {
	for _, b := range []struct {
		bom  []byte
		name string
	}{
		{[]byte{0xef, 0xbb, 0xbf}, "utf-8"},
		{[]byte{0xfe, 0xff}, "utf-16be"},
		{[]byte{0xff, 0xfe}, "utf-16le"},
	} {
		if bytes.HasPrefix(raw, b.bom) {
			e, n := charset.Lookup(b.name)
			return e, n, "bom"
		}
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if cs := params["charset"]; cs != "" {
			if e, n := charset.Lookup(cs); e != nil && !(n == "utf-8" && notUTF8(raw)) {
				return preferValidUTF8(raw, e, n, "header")
			}
		}
	}
	if e, n := metaCharset(raw); e != nil && !(n == "utf-8" && notUTF8(raw)) {
		return preferValidUTF8(raw, e, n, "meta")
	}
	if utf8.Valid(raw) {
		return encoding.Nop, "utf-8", "valid-utf8"
	}
	sample := raw
	if len(sample) > metaScanLimit {
		sample = sample[:metaScanLimit]
	}
	if res, err := chardet.NewHtmlDetector().DetectBest(sample); err == nil && res.Confidence >= 30 {
		if e, n := charset.Lookup(res.Charset); e != nil && n != "utf-8" {
			return e, n, "sniffed"
		}
	}
	return charmap.Windows1252, "windows-1252", "sniffed"
}

// notUTF8 reports whether raw, declared UTF-8, is plainly something else:
// it has bytes above 0x7f and not one of them forms a valid multi-byte UTF-8
// sequence (a windows-1252 page behind a server-wide "charset=utf-8"). A
// UTF-8 page with a few stray invalid bytes still counts as UTF-8.
func notUTF8(raw []byte) bool {
	invalid := 0
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
			i++
			continue
		}
		return false // a valid multi-byte sequence
	}
	return invalid > 0
}

// preferValidUTF8 applies the misconfiguration rule described at DecodeHTML.
func preferValidUTF8(raw []byte, e encoding.Encoding, name, source string) (encoding.Encoding, string, string) {
	if name == "utf-8" {
		return encoding.Nop, name, source
	}
	singleByte := strings.HasPrefix(name, "iso-8859-") || strings.HasPrefix(name, "windows-125") ||
		name == "macintosh" || name == "koi8-r" || name == "koi8-u" || name == "ibm866"
	if singleByte && hasNonASCII(raw) && utf8.Valid(raw) {
		return encoding.Nop, "utf-8", source + "-overridden-by-valid-utf8"
	}
	return e, name, source
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// metaCharset finds a charset declared by a <meta> element before <body>
// within the first metaScanLimit bytes.
func metaCharset(raw []byte) (encoding.Encoding, string) {
	if len(raw) > metaScanLimit {
		raw = raw[:metaScanLimit]
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			if string(tag) == "body" {
				return nil, ""
			}
			if string(tag) != "meta" {
				continue
			}
			var cs, content string
			var pragma bool
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				case "content":
					content = string(v)
				}
			}
			if cs == "" && pragma {
				if _, params, err := mime.ParseMediaType(content); err == nil {
					cs = params["charset"]
				} else if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					cs = strings.Trim(content[i+len("charset="):], `"' ;`)
				}
			}
			if cs == "" {
				continue
			}
			e, n := charset.Lookup(cs)
			if e == nil {
				continue
			}
			// A page cannot declare UTF-16 in ASCII-compatible bytes: the
			// HTML standard says to read it as UTF-8.
			if strings.HasPrefix(n, "utf-16") {
				return encoding.Nop, "utf-8"
			}
			return e, n
		}
	}
}
