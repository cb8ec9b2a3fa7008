package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/store"
)

func TestAnalyzeCommand(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "x.db")
	db, err := store.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{Cities: []config.City{{Name: "Leeds", Sources: []config.Source{{Name: "post", Kind: "news"}}}}}
	ids, err := db.SyncConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Mayor Jane Doe said refugees are welcome in Leeds.\n\n\"They take our jobs and they are vermin,\" Bob Roe told reporters.",
		"The library opens on Monday.",
	}
	for i := 0; i < 10; i++ {
		if _, err := db.W.Exec(`INSERT INTO documents(url, source_id, text, published, fetched_at, content_hash) VALUES (?, ?, ?, '2026-10-02T00:00:00Z', '2026-10-02T00:00:00Z', ?)`,
			fmt.Sprintf("https://news.test/%d", i), ids[store.SourceRef{City: "Leeds", Source: "post"}], texts[i%2], fmt.Sprint("h", i)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
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
	db, err = store.Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var stmts int
	if err := db.R.QueryRow(`SELECT count(*) FROM statements`).Scan(&stmts); err != nil {
		t.Fatal(err)
	}
	if stmts == 0 {
		t.Errorf("no statements stored through AfterScore")
	}
	if code, _, e := runCLI(t, "", "analyze", "-db", filepath.Join(t.TempDir(), "missing.db")); code != ExitError || !strings.Contains(e, "does not exist") {
		t.Errorf("missing db: exit %d %s", code, e)
	}
}
