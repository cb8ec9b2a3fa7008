package nlp

import (
	"fmt"
	"os"
	"testing"
)

func TestZZTag(t *testing.T) {
	s := os.Getenv("TAGS")
	if s == "" {
		t.Skip()
	}
	d := ParseWith(s, Options{Treebank: true})
	Tag(s, d.Tokens)
	for _, tk := range d.Tokens {
		fmt.Printf("%s/%s ", tk.Text(s), tk.Tag)
	}
	fmt.Println()
}
