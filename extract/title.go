package extract

import (
	"net/url"
	"strings"
	"unicode"
)

// titleSeparators split a page title from the site name around it.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": "}

// cleanTitle removes the site name that pages put before or after the
// headline ("Nadal keeps Spain alive - Sportsnet.ca", "LinkNaija | Nigeria's
// popular news platform: Kate Henshaw ..."). A part is removed only when it
// matches the page's site name (from its metadata) or its host name, after
// lowercasing and dropping everything but letters and digits; "Opinion |
// ..." or "... | Editorial" stay.
func cleanTitle(title, sitename, pageURL string) string {
	names := []string{alnum(sitename)}
	for _, raw := range []string{pageURL, sitename} {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Hostname() != "" {
			host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
			names = append(names, alnum(host))
			if i := strings.LastIndexByte(host, '.'); i > 0 {
				names = append(names, alnum(host[:i])) // sportsnet.ca -> sportsnet
			}
		}
	}
	matches := func(part string) bool {
		p := alnum(part)
		if len(p) < 3 {
			return false
		}
		for _, n := range names {
			if len(n) >= 3 && (p == n || len(p) >= 5 && (strings.HasPrefix(n, p) || strings.HasPrefix(p, n) && len(p)-len(n) <= 4)) {
				return true
			}
		}
		return false
	}
	// The whole site name, which may itself contain separators
	// ("LinkNaija | Nigeria's popular news platform").
	if sn := strings.TrimSpace(sitename); len(sn) >= 3 {
		lt, ls := strings.ToLower(title), strings.ToLower(sn)
		for _, sep := range titleSeparators {
			if strings.HasPrefix(lt, ls+strings.ToLower(sep)) {
				if rest := strings.TrimSpace(title[len(sn)+len(sep):]); len(strings.Fields(rest)) >= 2 {
					return rest
				}
			}
			if sep != ": " && strings.HasSuffix(lt, strings.ToLower(sep)+ls) {
				if rest := strings.TrimSpace(title[:len(title)-len(sep)-len(sn)]); len(strings.Fields(rest)) >= 2 {
					return rest
				}
			}
		}
	}
	// Suffix: the part after the last separator.
	for _, sep := range titleSeparators {
		if sep == ": " {
			continue
		}
		if i := strings.LastIndex(title, sep); i > 0 {
			head, tail := title[:i], title[i+len(sep):]
			if matches(tail) && len(strings.Fields(head)) >= 2 {
				return strings.TrimSpace(head)
			}
		}
	}
	// Prefix: everything up to the first separator after which the rest is
	// the headline.
	for _, sep := range titleSeparators {
		for i := strings.Index(title, sep); i > 0; {
			head, tail := title[:i], title[i+len(sep):]
			if matches(head) && len(strings.Fields(tail)) >= 2 {
				return strings.TrimSpace(tail)
			}
			j := strings.Index(title[i+len(sep):], sep)
			if j < 0 {
				break
			}
			i += len(sep) + j
		}
	}
	return title
}

// alnum keeps only lower-cased letters and digits.
func alnum(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
