// Command trainner trains the person tagger embedded in package figures on
// CoNLL-2003 eng.train and reports PER precision/recall/F1 on eng.testa.
//
// Reproduce the embedded model (from the repository root):
//
//	go run ./figures/cmd/trainner -out figures/ner_model.bin.gz
//
// Training is deterministic (fixed shuffle seed, byte-identical output); the
// defaults are the settings of the embedded model. Training decodes greedily;
// the reported score uses the package's beam decoding, as Find does.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/xenoscope/xenoscope/figures"
)

func main() {
	train := flag.String("train", "../shared/data/ner/eng.train", "CoNLL-2003 training file")
	dev := flag.String("dev", "../shared/data/ner/eng.testa", "CoNLL-2003 evaluation file (not trained on)")
	iters := flag.Int("iters", 12, "training passes")
	seed := flag.Uint64("seed", 2003, "shuffle seed")
	minW := flag.Float64("min-weight", 0.05, "prune features whose largest averaged weight is below this")
	out := flag.String("out", "", "write the model here (e.g. figures/ner_model.bin.gz); empty: evaluate only")
	beam := flag.Int("beam", 1, "training beam (1 = greedy training; decoding always uses the package's beam)")
	flag.Parse()
	if err := run(*train, *dev, *iters, *seed, float32(*minW), *beam, *out); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func read(path string) ([]figures.TrainSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return figures.ReadCoNLL(f)
}

func run(trainPath, devPath string, iters int, seed uint64, minW float32, beam int, out string) error {
	tr, err := read(trainPath)
	if err != nil {
		return err
	}
	dv, err := read(devPath)
	if err != nil {
		return err
	}
	slog.Info("training", "sentences", len(tr), "iters", iters)
	t0 := time.Now()
	tg := figures.TrainTaggerBeam(tr, iters, seed, minW, beam, func(it, errs, toks int) {
		slog.Info("pass", "iter", it, "token_errors", errs, "tokens", toks, "elapsed", time.Since(t0).Round(time.Second))
	})
	var buf bytes.Buffer
	if _, err := tg.WriteTo(&buf); err != nil {
		return err
	}
	// evaluate the model as it will be embedded (quantised weights)
	tg, err = figures.ReadTagger(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return err
	}
	p, r, f, words, secs := figures.EvaluateTagger(tg, dv)
	fmt.Printf("features=%d model_bytes=%d\n", tg.Features(), buf.Len())
	fmt.Printf("eng.testa PER precision=%.4f recall=%.4f F1=%.4f words/s=%.0f (%d words, %.2fs)\n", p, r, f, float64(words)/secs, words, secs)
	if out != "" {
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Println("wrote", out)
	}
	return nil
}
