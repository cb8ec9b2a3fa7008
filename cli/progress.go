package cli

import (
	"bytes"
	"io"
	"os"
	"sync"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal (progress lines only there).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// terminal returns a progress writer for w when w is a terminal, else nil:
// scheduled runs and redirected output get no progress noise.
func terminal(w io.Writer) io.Writer {
	if !isTerminal(w) {
		return nil
	}
	return &progressLine{w: w}
}

// progressLine turns a stream of progress lines ("analyze: 64/900
// documents scored\n") into one line rewritten in place, as a terminal
// shows a progress bar. Writes that do not end in a newline (a progress bar
// drawing itself with \r) pass through unchanged. done ends the line.
type progressLine struct {
	mu    sync.Mutex
	w     io.Writer
	dirty bool
}

func (p *progressLine) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !bytes.HasSuffix(b, []byte("\n")) {
		return p.w.Write(b)
	}
	line := bytes.TrimRight(b, "\n")
	if i := bytes.LastIndexByte(line, '\n'); i >= 0 {
		line = line[i+1:]
	}
	// \r back to column 0, ESC[K clears the rest of the previous line.
	if _, err := p.w.Write(append([]byte("\r\x1b[K"), line...)); err != nil {
		return 0, err
	}
	p.dirty = true
	return len(b), nil
}

// done moves past the progress line, if one was drawn.
func (p *progressLine) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.dirty {
		p.w.Write([]byte("\n"))
		p.dirty = false
	}
}

// endProgress ends w's progress line when w is a progressLine.
func endProgress(w io.Writer) {
	if p, ok := w.(*progressLine); ok {
		p.done()
	}
}
