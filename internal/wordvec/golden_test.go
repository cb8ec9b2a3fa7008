package wordvec

import (
	"crypto/sha256"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.sha256")

// vectorsDigest hashes the vocabulary, counts and the bits of every value.
func vectorsDigest(v *Vectors) string {
	h := sha256.New()
	var buf [8]byte
	for i, w := range v.Words {
		fmt.Fprintf(h, "%s\x00%d\x00", w, v.Counts[i])
	}
	for _, f := range v.Vec {
		binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(f))
		h.Write(buf[:4])
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// clustersDigest hashes word -> cluster in vocabulary order.
func clustersDigest(v *Vectors, m map[string]int) string {
	h := sha256.New()
	for _, w := range v.Words {
		fmt.Fprintf(h, "%s\x00%d\x00", w, m[w])
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestTrainGolden pins the exact bits of DefaultOptions vectors trained on
// the test corpus, and of KMeans(k=100, iters=20, seed=1) on them, in
// testdata/golden.sha256. A change of algorithm or arithmetic must be a
// deliberate `go test ./internal/wordvec/ -run Golden -update`.
//
// The same digests come out under GOAMD64=v1 and GOAMD64=v3, where the
// compiler fuses x*y+z into one FMA wherever the spec allows: with the
// explicit conversions removed, the v3 build emitted 13 VFMADD231 (seen with
// -gcflags=-S) and this test failed; with them it emits none, and neither
// does GOARCH=arm64 (only FMULS/FMULD).
//
//	GOAMD64=v3 go test ./internal/wordvec/ -run Golden
func TestTrainGolden(t *testing.T) {
	_, v := trained(t)
	m, err := KMeans(v, 100, 20, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("vectors %s\nclusters %s\n", vectorsDigest(v), clustersDigest(v, m))
	path := filepath.Join("testdata", "golden.sha256")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("digests changed:\ngot\n%swant\n%s", got, strings.TrimSpace(string(want))+"\n")
	}
}
