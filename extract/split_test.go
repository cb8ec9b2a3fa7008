package extract

import (
	"crypto/sha256"
	"encoding/binary"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/publicsuffix"
)

var updateSplit = flag.Bool("update-split", false, "rewrite testdata/heldout.txt (never after results were seen)")

// The held-out split of ../shared/data/articles, frozen before any
// extraction result was looked at (see docs/extraction.md, "Protocol").
//
// A page belongs to a site: the registrable domain of its URL (eTLD+1, so
// blog.example.com and www.example.com are one site). A site is held out when
// the first 8 bytes of SHA-256(splitSalt + site), read as a big-endian
// uint64, are 0 modulo 10 .. 2 modulo 10 (30% of sites). The other sites are
// the development part; cross-validation folds over them are the same hash
// modulo cvFolds (after dividing by 10, so folds do not depend on the
// held-out digit).
const (
	splitSalt   = "xenoscope/extract held-out v1 "
	heldOutMod  = 10
	heldOutLess = 3
	cvFolds     = 5
)

func siteOf(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil || u.Hostname() == "" {
		return pageURL
	}
	host := strings.ToLower(u.Hostname())
	if s, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return s
	}
	return host
}

func siteHash(site string) uint64 {
	h := sha256.Sum256([]byte(splitSalt + site))
	return binary.BigEndian.Uint64(h[:8])
}

// heldOutSite reports whether site is in the frozen held-out part.
func heldOutSite(site string) bool { return siteHash(site)%heldOutMod < heldOutLess }

// foldOf is the cross-validation fold (0..cvFolds-1) of a development site.
func foldOf(site string) int { return int(siteHash(site) / heldOutMod % cvFolds) }

// splitPages separates pages into the development part and the held-out part.
func splitPages(pages []benchPage) (dev, held []benchPage) {
	for _, p := range pages {
		if heldOutSite(siteOf(p.URL)) {
			held = append(held, p)
		} else {
			dev = append(dev, p)
		}
	}
	return dev, held
}

// TestHeldOutSplit recomputes the split and checks it against
// testdata/heldout.txt, the list written into the repository when the split
// was frozen. A change of the rule, of the salt or of the data shows here.
func TestHeldOutSplit(t *testing.T) {
	t.Parallel()
	pages := loadBenchPages(t)
	var lines []string
	sites := map[string]bool{}
	for _, p := range pages {
		s := siteOf(p.URL)
		if heldOutSite(s) {
			lines = append(lines, fmt.Sprintf("%s %s %s", p.ID, s, p.URL))
			sites[s] = true
		}
	}
	sort.Strings(lines)
	got := "# Held-out pages of ../shared/data/articles (ID site URL), frozen before any result was seen.\n" +
		"# Rule: extract/split_test.go (SHA-256 of salt+site, 30% of sites). Never tune on these pages.\n" +
		strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", "heldout.txt")
	if *updateSplit {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Fatalf("held-out split differs from %s", path)
	}
	t.Logf("held out: %d of %d pages, %d sites", len(lines), len(pages), len(sites))
}
