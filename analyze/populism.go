package analyze

import (
	"bufio"
	"fmt"
	"strings"
)

// populism is the Rooduijn & Pauwels (2011) dictionary with exact glob
// semantics: "x*" matches words starting with x, "*x*" words containing x,
// "*x" words ending with x, "x" the word itself.
type populism struct {
	prefix, infix, suffix, exact []string
}

func parsePopulism(src string) (*populism, error) {
	p := &populism{}
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	for sc.Scan() {
		n++
		l := strings.ToLower(strings.TrimSpace(sc.Text()))
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		lead, trail := strings.HasPrefix(l, "*"), strings.HasSuffix(l, "*")
		core := strings.Trim(l, "*")
		if core == "" || strings.Contains(core, "*") {
			return nil, fmt.Errorf("populism dictionary line %d: bad pattern %q", n, l)
		}
		switch {
		case lead && trail:
			p.infix = append(p.infix, core)
		case trail:
			p.prefix = append(p.prefix, core)
		case lead:
			p.suffix = append(p.suffix, core)
		default:
			p.exact = append(p.exact, core)
		}
	}
	return p, sc.Err()
}

// match reports whether the lowercased word w matches any pattern.
func (p *populism) match(w string) bool {
	for _, x := range p.prefix {
		if strings.HasPrefix(w, x) {
			return true
		}
	}
	for _, x := range p.infix {
		if strings.Contains(w, x) {
			return true
		}
	}
	for _, x := range p.suffix {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	for _, x := range p.exact {
		if w == x {
			return true
		}
	}
	return false
}

// populismCount counts matching words (each word counts at most once).
func (s *Scorer) populismCount(words []string) int {
	n := 0
	for _, w := range words {
		if len(w) >= 4 && s.pop.match(w) {
			n++
		}
	}
	return n
}
