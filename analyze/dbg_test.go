package analyze

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestDbgFeats(t *testing.T) {
	txt := os.Getenv("XS_TXT")
	if txt == "" {
		t.Skip()
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range strings.Split(txt, "|") {
		fmt.Printf("=== %q\n", text)
		for _, task := range []string{TaskAntiMigrant, TaskCounterSpeech} {
			fs := s.Features(task, text)
			m := s.Model(task)
			type c struct {
				n string
				v float64
			}
			var cs []c
			for _, f := range fs {
				cs = append(cs, c{f.Name, m.Weights[f.Name] * f.Value})
			}
			sort.Slice(cs, func(i, j int) bool { return abs(cs[i].v) > abs(cs[j].v) })
			fmt.Printf("  %s score=%.3f margin=%.2f:", task, s.ScoreText(task, text), m.Margin(fs))
			for i, x := range cs {
				if i >= 14 {
					break
				}
				fmt.Printf(" %s=%.2f", x.n, x.v)
			}
			fmt.Println()
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
