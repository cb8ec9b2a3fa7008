package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/crawl/crawltest"
)

// hostileTOML writes a config crawling a crawltest.Hostile site's sitemap.
func hostileTOML(t *testing.T, h *crawltest.Hostile, extra string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "cities.toml")
	toml := fmt.Sprintf("[crawl]\ndelay = \"0s\"\nparallelism = 4\nallow_private = true\n%s\n[[city]]\nname = \"Trapton\"\n[[city.source]]\nname = \"Times\"\nsitemaps = [%q]\n",
		extra, h.URL+"/sitemap.xml")
	if err := os.WriteFile(p, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// crawl -v lists every page not stored with its reason, and the summary
// counts them by reason (issue 13 point 6).
func TestCrawlListsDroppedPages(t *testing.T) {
	t.Parallel()
	h := crawltest.NewHostile(t, crawltest.HostileOptions{Articles: 2, Short: true})
	cfg := hostileTOML(t, h, "")
	db := filepath.Join(t.TempDir(), "x.db")
	code, out, errOut := runCLI(t, "", "crawl", "-config", cfg, "-db", db, "-v")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	var listed string
	for _, l := range strings.Split(errOut, "\n") {
		if strings.Contains(l, "not stored") {
			listed += l + "\n"
		}
	}
	if !strings.Contains(listed, h.URL+"/short/statement.html") || !strings.Contains(listed, "reason=too_short") ||
		!strings.Contains(listed, "words, minimum 50") || strings.Count(listed, "\n") != 1 {
		t.Errorf("-v does not list the dropped page once with its reason:\n%s", listed)
	}
	if !strings.Contains(out, "1 not articles") || !strings.Contains(out, "not articles: too_short 1") {
		t.Errorf("summary: %s", out)
	}
}

// A re-crawl that finds a changed text makes the document pending again:
// the next analyze scores it (issue 13 point 5: it kept the old scores and
// reported 0 pending).
func TestChangedTextRescored(t *testing.T) {
	t.Parallel()
	site := crawltest.New(t, crawltest.Options{Articles: 3, Plain: true})
	cfg := filepath.Join(t.TempDir(), "cities.toml")
	toml := fmt.Sprintf("[crawl]\ndelay = \"0s\"\nallow_private = true\n[[city]]\nname = \"Testville\"\n[[city.source]]\nname = \"Courier\"\nsitemaps = [%q]\n", site.URL+"/sitemap.xml")
	if err := os.WriteFile(cfg, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "x.db")
	step := func(want string, args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, "", args...)
		if code != ExitOK || !strings.Contains(out, want) {
			t.Fatalf("%s: exit %d, want %q in\n%s\n%s", args[0], code, want, out, errOut)
		}
		return out
	}
	step("3 new", "crawl", "-config", cfg, "-db", db)
	step(`"scored": 3`, "analyze", "-db", db, "-json", "-q")
	step(`"scored": 0`, "analyze", "-db", db, "-json", "-q")
	site.Mutate(site.Articles[1], "Update: the council reversed its decision on Friday after protests by residents and refugee groups.")
	step("1 updated", "crawl", "-config", cfg, "-db", db, "-revisit")
	out := step(`"scored": 1`, "analyze", "-db", db, "-json", "-q")
	if !strings.Contains(out, `"pending": 1`) {
		t.Errorf("second analyze: %s", out)
	}
}
