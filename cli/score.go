package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/pipeline"
)

func init() {
	register("score", "score texts: JSON Lines {\"id\",\"text\"} in, one score line per input line out, same order", runScore)
}

// scoreInput is one input line. id may be a string or a number; city, kind
// and speaker are optional context for quote attribution.
type scoreInput struct {
	ID      json.RawMessage `json:"id"`
	Text    *string         `json:"text"`
	City    string          `json:"city"`
	Kind    string          `json:"kind"`
	Speaker string          `json:"speaker"`
}

type scoreJob struct {
	line int
	in   scoreInput
	id   string
	err  error
	out  []byte
	done chan struct{}
}

func runScore(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "score", "[-in FILE] [-workers N] [-config F] [-model TASK=FILE.json] > scores.jsonl")
	in := fs.String("in", "", "input JSON Lines file (default stdin)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "scoring goroutines")
	cfgPath := fs.String("config", "", "config file whose [[city.figure]] registry names figures (optional)")
	var models modelFlags
	fs.Var(&models, "model", "TASK=FILE.json: use a retrained model for TASK (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("", "score takes no arguments, got %q (use -in FILE)", fs.Args())
	}
	if *workers < 1 {
		return usageErr("", "-workers must be at least 1")
	}
	var r io.Reader = env.Stdin
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			return usageErr("check the -in path", "open input: %v", err)
		}
		defer f.Close()
		r = f
	}
	var cfg *config.Config
	if *cfgPath != "" {
		var err error
		if cfg, err = loadConfig(*cfgPath); err != nil {
			return err
		}
	}
	s, err := newScorer(models)
	if err != nil {
		return err
	}
	if err := pipeline.AttachPeople(s, cfg); err != nil {
		return err
	}
	return scoreStream(ctx, s, r, env.Stdout, env.Stderr, *workers)
}

// scoreStream reads JSON Lines from r, scores them on workers goroutines and
// writes results to w in input order. Memory is bounded: at most 4*workers
// lines are in flight.
func scoreStream(ctx context.Context, s *analyze.Scorer, r io.Reader, w, stderr io.Writer, workers int) error {
	br := bufio.NewReaderSize(r, 1<<16)
	bw := bufio.NewWriterSize(w, 1<<16)
	defer bw.Flush()
	jobs := make(chan *scoreJob, workers)
	order := make(chan *scoreJob, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				tc := model.TextContext{City: j.in.City, Kind: j.in.Kind, Speaker: j.in.Speaker}
				if tc.Kind == "" {
					tc.Kind = model.KindNews
				}
				sc := s.Score(j.id, *j.in.Text, tc)
				b, err := json.Marshal(sc)
				j.out, j.err = b, err
				close(j.done)
			}
		}()
	}
	var readErr error
	skipped := 0
	go func() {
		defer close(order)
		defer close(jobs)
		line := 0
		for {
			if ctx.Err() != nil {
				readErr = ctx.Err()
				return
			}
			raw, err := br.ReadBytes('\n')
			if len(raw) > 0 {
				line++
				j := &scoreJob{line: line, done: make(chan struct{})}
				j.err = parseScoreLine(raw, &j.in, &j.id)
				if j.err != nil {
					close(j.done)
				} else if j.in.Text == nil {
					j.err = errors.New(`missing "text"`)
					close(j.done)
				}
				order <- j
				if j.err == nil {
					jobs <- j
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				readErr = err
				return
			}
		}
	}()
	blank := 0
	for j := range order {
		<-j.done
		if j.err != nil {
			if errors.Is(j.err, errBlankLine) {
				blank++
				continue
			}
			skipped++
			fmt.Fprintf(stderr, "error: line %d: %v (skipped)\n", j.line, j.err)
			continue
		}
		bw.Write(j.out)
		bw.WriteByte('\n')
	}
	wg.Wait()
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if readErr != nil {
		return fmt.Errorf("read input: %w", readErr)
	}
	if skipped > 0 {
		return &PartialError{Msg: fmt.Sprintf("%d malformed input line(s) skipped", skipped)}
	}
	return nil
}

var errBlankLine = errors.New("blank line")

func parseScoreLine(raw []byte, in *scoreInput, id *string) error {
	if strings.TrimSpace(string(raw)) == "" {
		return errBlankLine
	}
	if err := json.Unmarshal(raw, in); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, err)
		}
		return fmt.Errorf("invalid input line: %v", err)
	}
	switch {
	case len(in.ID) == 0 || string(in.ID) == "null":
		return errors.New(`missing "id"`)
	case in.ID[0] == '"':
		if err := json.Unmarshal(in.ID, id); err != nil {
			return fmt.Errorf("bad id: %v", err)
		}
	case in.ID[0] == '-' || (in.ID[0] >= '0' && in.ID[0] <= '9'):
		*id = string(in.ID)
	default:
		return fmt.Errorf(`"id" must be a string or a number, got %s`, in.ID)
	}
	return nil
}
