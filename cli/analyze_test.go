package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/store/storetest"
)

func TestAnalyzeCommand(t *testing.T) {
	f := storetest.New(t)
	p := f.Path
	texts := []string{
		"Mayor Jane Doe said refugees are welcome in Leeds.\n\n\"They take our jobs and they are vermin,\" Bob Roe told reporters.",
		"The library opens on Monday.",
	}
	pub := time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 10; i++ {
		f.Doc(storetest.Doc{City: "Leeds", Source: "post", URL: fmt.Sprintf("https://news.test/%d", i), Text: texts[i%2], Published: pub})
	}
	f.Close()
	code, out, errOut := runCLI(t, "", "analyze", "-db", p, "-json", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var st struct {
		Scored, Pending int
		Model           string
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.Scored != 10 || st.Pending != 10 || !strings.HasPrefix(st.Model, "xs1-") {
		t.Fatalf("%v: %s", err, out)
	}
	code, out, _ = runCLI(t, "", "analyze", "-db", p, "-q")
	if code != 0 || !strings.Contains(out, "0 documents scored") {
		t.Fatalf("second run: exit %d: %s", code, out)
	}
	if stmts := storetest.Open(t, p).Count(`SELECT count(*) FROM statements`); stmts == 0 {
		t.Errorf("no statements stored through AfterScore")
	}
	if code, _, e := runCLI(t, "", "analyze", "-db", filepath.Join(t.TempDir(), "missing.db")); code != ExitError || !strings.Contains(e, "does not exist") {
		t.Errorf("missing db: exit %d %s", code, e)
	}
}
