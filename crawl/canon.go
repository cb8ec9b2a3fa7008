package crawl

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a click or a campaign,
// not a page. They are dropped from canonical URLs (plus every utm_*).
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true, "msclkid": true,
	"yclid": true, "twclid": true, "ttclid": true, "li_fat_id": true, "igshid": true,
	"mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true,
	"hsctatracking": true, "mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true, "vero_id": true,
	"vero_conv": true, "s_cid": true, "ref_src": true, "ref_url": true, "cmpid": true, "ocid": true,
	"spm": true, "share": true, "smid": true, "ncid": true, "sr_share": true,
}

// Canonical returns the canonical form of ref resolved against base (nil
// for an absolute ref): http(s) only, lower-case scheme and host, default
// port dropped, no fragment, no user info, tracking parameters removed and
// the remaining query sorted by key. ok is false for URLs that are not
// crawlable (javascript:, mailto:, data:, file:, no host, ...).
func Canonical(ref string, base *url.URL) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > 4096 {
		return "", false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", false
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment = ""
	u.RawFragment = ""
	u.Opaque = ""
	if u.Path == "" {
		u.Path = "/"
		u.RawPath = ""
	}
	if u.RawQuery != "" {
		q, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			// Keep an unparseable query as is rather than guess.
			return u.String(), true
		}
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
				delete(q, k)
			}
		}
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			for _, v := range q[k] {
				if b.Len() > 0 {
					b.WriteByte('&')
				}
				b.WriteString(url.QueryEscape(k))
				if v != "" {
					b.WriteByte('=')
					b.WriteString(url.QueryEscape(v))
				}
			}
		}
		u.RawQuery = b.String()
	}
	u.ForceQuery = false
	return u.String(), true
}
