package wordvec

import (
	"fmt"
	"math"
)

// KMeans groups the words of v into k clusters by spherical k-means: the
// vectors are L2-normalised, each word goes to the centroid of highest
// cosine (ties to the lowest cluster id), and each centroid is the
// normalised sum of its members. Seeding is k-means++ (Arthur and
// Vassilvitskii 2007) with distance 1-cosine, drawn from one PCG stream
// seeded with seed. It stops after iters iterations or when no assignment
// changes. A cluster left empty is re-seeded with the word farthest from its
// own centroid (lowest cosine, ties to the lowest vocabulary index).
//
// It returns word -> cluster id in [0, k), deterministic for the same v, k,
// iters and seed; ErrBadK when k < 1 or k > v.Len(), ErrBadOptions when
// iters < 1. (The brief's signature returned only the map; the error makes
// a bad k a clear error instead of a panic or a silent nil.)
func KMeans(v *Vectors, k, iters int, seed uint64) (map[string]int, error) {
	if v == nil || v.Len() == 0 {
		return nil, fmt.Errorf("%w: no vectors", ErrEmptyCorpus)
	}
	n, dim := v.Len(), v.Dim
	if k < 1 || k > n {
		return nil, fmt.Errorf("%w: k=%d with %d words", ErrBadK, k, n)
	}
	if iters < 1 {
		return nil, fmt.Errorf("%w: iters %d, want >= 1", ErrBadOptions, iters)
	}

	// Unit vectors in float64 (a zero vector stays zero: cosine 0 to all).
	x := make([]float64, n*dim)
	for i := 0; i < n; i++ {
		r := v.row(i)
		var s float64
		for _, f := range r {
			s += float64(float64(f) * float64(f)) // no fused multiply-add
		}
		if s == 0 {
			continue
		}
		inv := 1 / math.Sqrt(s)
		for j, f := range r {
			x[i*dim+j] = float64(f) * inv
		}
	}
	row := func(m []float64, i int) []float64 { return m[i*dim : (i+1)*dim : (i+1)*dim] }
	dot := dot64

	// k-means++ seeding.
	rng := newRand(seed)
	cent := make([]float64, k*dim)
	best := make([]float64, n) // distance 1-cos to the nearest chosen centre
	first := rng.IntN(n)
	copy(row(cent, 0), row(x, first))
	for i := range best {
		best[i] = dist(dot(row(x, i), row(cent, 0)))
	}
	for c := 1; c < k; c++ {
		var sum float64
		for _, d := range best {
			sum += d
		}
		pick := -1
		if sum > 0 {
			u := rng.Float64() * sum
			for i, d := range best {
				if d <= 0 {
					continue
				}
				pick = i // the last positive one if rounding leaves u >= 0
				u -= d
				if u < 0 {
					break
				}
			}
		} else {
			// Every word coincides with a centre: take any (duplicates).
			pick = rng.IntN(n)
		}
		copy(row(cent, c), row(x, pick))
		for i := range best {
			if d := dist(dot(row(x, i), row(cent, c))); d < best[i] {
				best[i] = d
			}
		}
	}

	assign := make([]int, n)
	sim := make([]float64, n)
	for i := range assign {
		assign[i] = -1
	}
	size := make([]int, k)
	for it := 0; it < iters; it++ {
		changed := 0
		for i := 0; i < n; i++ {
			xi := row(x, i)
			bc, bs := 0, math.Inf(-1)
			for c := 0; c < k; c++ {
				if s := dot(xi, row(cent, c)); s > bs {
					bc, bs = c, s
				}
			}
			if assign[i] != bc {
				changed++
			}
			assign[i], sim[i] = bc, bs
		}
		// Re-seed empty clusters with the worst-fitting words.
		clear(size)
		for _, c := range assign {
			size[c]++
		}
		for c := 0; c < k; c++ {
			if size[c] > 0 {
				continue
			}
			worst := -1
			for i := 0; i < n; i++ {
				if size[assign[i]] > 1 && (worst < 0 || sim[i] < sim[worst]) {
					worst = i
				}
			}
			if worst < 0 {
				break // cannot happen with k <= n
			}
			size[assign[worst]]--
			assign[worst], sim[worst] = c, 1
			size[c] = 1
			changed++
		}
		if changed == 0 {
			break
		}
		// Centroids: normalised member sums.
		clear(cent)
		for i, c := range assign {
			cr, xi := row(cent, c), row(x, i)
			for j := range cr {
				cr[j] += xi[j]
			}
		}
		for c := 0; c < k; c++ {
			cr := row(cent, c)
			s := math.Sqrt(dot(cr, cr))
			if s == 0 {
				continue
			}
			for j := range cr {
				cr[j] /= s
			}
		}
	}
	out := make(map[string]int, n)
	for i, w := range v.Words {
		out[w] = assign[i]
	}
	return out, nil
}

// dist is the k-means++ weight for a cosine: 1-cos, clamped at 0.
func dist(cos float64) float64 {
	if d := 1 - cos; d > 0 {
		return d
	}
	return 0
}

// dot64 is the dot product with four partial sums in a fixed order (like
// dot32); the conversions keep each product rounded (no fused multiply-add).
func dot64(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += float64(a[i] * b[i])
		s1 += float64(a[i+1] * b[i+1])
		s2 += float64(a[i+2] * b[i+2])
		s3 += float64(a[i+3] * b[i+3])
	}
	s := (s0 + s1) + (s2 + s3)
	for ; i < len(a); i++ {
		s += float64(a[i] * b[i])
	}
	return s
}
