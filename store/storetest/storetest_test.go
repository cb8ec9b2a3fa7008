package storetest_test

import (
	"context"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
	"github.com/xenoscope/xenoscope/store/storetest"
)

// What the fixture writes reads back through the store's own API.
func TestFixtureRoundTrip(t *testing.T) {
	t.Parallel()
	f := storetest.New(t)
	f.Cities(model.CitySpec{Name: "Leeds", Sources: []model.SourceSpec{{Name: "Mayor", Kind: model.KindStatements, Speaker: "Jane Doe"}}})
	pub := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	docs := f.Docs(
		storetest.Doc{City: "Leeds", Source: "Mayor", Text: "We welcome newcomers.", Published: pub},
		storetest.Doc{Text: "We welcome newcomers."}, // same text, other URL: no hash collision
	)
	if docs[0].ID == docs[1].ID || docs[0].ContentHash == docs[1].ContentHash || docs[0].Kind != model.KindStatements {
		t.Fatalf("docs %+v", docs)
	}
	got, err := f.Document(context.Background(), docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.City != "Leeds" || got.Source != "Mayor" || got.Speaker != "Jane Doe" || !got.Published.Equal(pub) ||
		!got.FetchedAt.Equal(pub) || got.ContentHash != docs[0].ContentHash || got.URL != docs[0].URL {
		t.Errorf("read back %+v, wrote %+v", got, docs[0])
	}
	if d, _ := f.Document(context.Background(), docs[1].ID); d.City != storetest.DefaultCity || !d.FetchedAt.Equal(storetest.DefaultFetched) {
		t.Errorf("defaults %+v", d)
	}
	f.Scores(docs[0].ID, model.Scores{Model: "m1", Migration: 0.5})
	if sc, err := f.DocScores(context.Background(), docs[0].ID); err != nil || sc.Migration != 0.5 {
		t.Errorf("scores %+v %v", sc, err)
	}
	f.SetText(docs[0].ID, "We welcome newcomers warmly.")
	if n := f.Count(`SELECT count(*) FROM documents WHERE content_hash = ?`, docs[0].ContentHash); n != 0 {
		t.Errorf("SetText kept the old content hash")
	}
	var _ *store.DB = f.DB
}
