package wordvec

import "testing"

// TestKMeansDuplicates: with k equal to the number of words but only two
// distinct vectors (and a zero vector), k-means++ must pick duplicate
// centres and the empty-cluster re-seeding must still give every cluster a
// word.
func TestKMeansDuplicates(t *testing.T) {
	words := []string{"a1", "a2", "b1", "b2", "z"}
	vec := []float32{1, 0, 2, 0, 0, 1, 0, 3, 0, 0}
	v, err := NewVectors(words, nil, 2, vec)
	if err != nil {
		t.Fatal(err)
	}
	m, err := KMeans(v, 5, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	used := map[int]bool{}
	for _, w := range words {
		c, ok := m[w]
		if !ok || c < 0 || c >= 5 {
			t.Fatalf("word %s: cluster %d, %v", w, c, ok)
		}
		used[c] = true
	}
	if len(used) != 5 {
		t.Errorf("clusters %v: %d of 5 used", m, len(used))
	}
	m2, _ := KMeans(v, 2, 10, 1)
	if m2["a1"] != m2["a2"] || m2["b1"] != m2["b2"] || m2["a1"] == m2["b1"] {
		t.Errorf("k=2: %v, want {a1,a2} and {b1,b2} apart", m2)
	}
}
