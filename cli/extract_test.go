package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// runCLI runs xenoscope with args and returns exit code, stdout, stderr.
func runExtractCLI(t *testing.T, stdin []byte, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, bytes.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExtractCommand(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "de-article.html"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "page.html")
	gz := filepath.Join(dir, "page.html.gz")
	notGz := filepath.Join(dir, "fake.html.gz")
	truncGz := filepath.Join(dir, "trunc.html.gz")
	cp1252 := filepath.Join(dir, "cp1252.html")
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	zw.Write(page)
	zw.Close()
	mustWrite(t, plain, page)
	mustWrite(t, gz, zb.Bytes())
	mustWrite(t, notGz, page)
	mustWrite(t, truncGz, zb.Bytes()[:zb.Len()/2])
	enc, err := charmap.Windows1252.NewEncoder().Bytes(bytes.Replace(page, []byte(`<meta charset="utf-8">`), []byte(`<meta charset="windows-1252">`), 1))
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, cp1252, enc)

	type out struct {
		URL       string   `json:"url"`
		Title     string   `json:"title"`
		Text      string   `json:"text"`
		Published string   `json:"published"`
		Authors   []string `json:"authors"`
		Language  string   `json:"language"`
	}
	for _, c := range []struct {
		name  string
		stdin []byte
		args  []string
	}{
		{"html file", nil, []string{"extract", "-url", "https://blog.example/a", plain}},
		{"gzip file", nil, []string{"extract", "-url", "https://blog.example/a", gz}},
		{"stdin", page, []string{"extract", "-url", "https://blog.example/a", "-"}},
		{"gzip on stdin", zb.Bytes(), []string{"extract", "-url", "https://blog.example/a", "-"}},
		{"windows-1252 file", nil, []string{"extract", "-url", "https://blog.example/a", cp1252}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runExtractCLI(t, c.stdin, c.args...)
			if code != ExitOK {
				t.Fatalf("exit %d, stderr %s", code, stderr)
			}
			// Exactly one JSON object with exactly the six documented keys.
			var raw map[string]json.RawMessage
			if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
				t.Fatalf("not one JSON object: %v\n%s", err, stdout)
			}
			if len(raw) != 6 {
				t.Errorf("keys %v, want url,title,text,published,authors,language", raw)
			}
			var o out
			if err := json.Unmarshal([]byte(stdout), &o); err != nil {
				t.Fatal(err)
			}
			if o.URL != "https://blog.example/a" || o.Language != "de" || o.Published != "2019-11-12T09:30:00+01:00" ||
				len(o.Authors) != 1 || o.Authors[0] != "Moritz Bachmann" ||
				!strings.HasPrefix(o.Title, "Die elektronische Patientenakte") ||
				!strings.Contains(o.Text, "Krankenhäusern ist dieser Aspekt") || !strings.Contains(o.Text, "\n\n") ||
				strings.Contains(o.Text, "Toller Beitrag") {
				t.Errorf("unexpected output %+v", o)
			}
		})
	}

	// Empty authors print as [] and a missing date as "".
	code, stdout, stderr := runExtractCLI(t, []byte("<html><body><article><p>A short notice about the library opening hours on Sunday.</p></article></body></html>"), "extract", "-")
	if code != ExitOK || !strings.Contains(stdout, `"authors":[]`) || !strings.Contains(stdout, `"published":""`) {
		t.Errorf("exit %d stdout %s stderr %s", code, stdout, stderr)
	}

	for _, c := range []struct {
		name   string
		stdin  []byte
		args   []string
		stderr string
	}{
		{"missing file", nil, []string{"extract", filepath.Join(dir, "nope.html")}, "does not exist"},
		{"no argument", nil, []string{"extract"}, "exactly one FILE"},
		{"two arguments", nil, []string{"extract", plain, gz}, "exactly one FILE"},
		{"named .gz but not gzip", nil, []string{"extract", notGz}, "not gzip"},
		{"truncated gzip", nil, []string{"extract", truncGz}, "not valid gzip"},
		{"empty stdin", nil, []string{"extract", "-"}, "is empty"},
		{"no article", []byte("<html><body><nav><a href=/>Home</a></nav></body></html>"), []string{"extract", "-"}, "no article text found"},
		{"not html", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []string{"extract", "-"}, "not an HTML page"},
		{"bad flag", nil, []string{"extract", "-nope", plain}, "flag provided but not defined"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runExtractCLI(t, c.stdin, c.args...)
			if code != ExitError || stdout != "" || !strings.Contains(stderr, c.stderr) || !strings.Contains(stderr, "error: ") {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, stdout, stderr, c.stderr)
			}
		})
	}
}

func mustWrite(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
