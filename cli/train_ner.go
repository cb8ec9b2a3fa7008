package cli

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/xenoscope/xenoscope/figures/ner"
	"github.com/xenoscope/xenoscope/figures/nertrain"
	"github.com/xenoscope/xenoscope/internal/atomicfile"
)

// trainNER trains the person tagger of package figures on CoNLL-2003
// eng.train (data: the shared data folder, or a CoNLL file) with the
// embedded model's settings, writes it to out and reports PER on eng.testa
// when it is beside eng.train. Training is deterministic: the shipped model
// is `xenoscope train -task ner -data ../shared/data -out
// figures/ner/model.bin.gz`, byte for byte.
func trainNER(env *Env, data, out string, validation bool, logger *slog.Logger) error {
	trainPath := data
	if st, err := os.Stat(data); err == nil && st.IsDir() {
		trainPath = filepath.Join(data, "ner", "eng.train")
	}
	sents, err := readCoNLLFile(trainPath)
	if err != nil {
		return usageErr("-data is the shared data folder (with ner/eng.train) or a CoNLL-2003 file", "%v", err)
	}
	var heldOut []nertrain.Sentence
	heldName := filepath.Join(filepath.Dir(trainPath), "eng.testa")
	if validation {
		sents, heldOut = nertrain.Validation(sents)
		heldName = "the validation fifth of " + filepath.Base(trainPath) + " (documents numbered 0 mod 5)"
	} else if _, err := os.Stat(heldName); err == nil {
		if heldOut, err = readCoNLLFile(heldName); err != nil {
			return err
		}
	}
	logger.Info("training the person tagger", "sentences", len(sents), "passes", nertrain.DefaultOptions.Iters)
	t0 := time.Now()
	tg := nertrain.Train(sents, nertrain.DefaultOptions, func(it, errs, toks int) {
		logger.Info("pass", "pass", it, "token_errors", errs, "tokens", toks, "elapsed", time.Since(t0).Round(time.Second))
	})
	var buf bytes.Buffer
	if err := nertrain.Write(&buf, tg); err != nil {
		return fmt.Errorf("write tagger: %w", err)
	}
	// evaluate the model as it is written (quantised weights)
	if tg, err = ner.Read(bytes.NewReader(buf.Bytes())); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "trained the person tagger on %d sentences: %d features, %d bytes\n", len(sents), tg.Features(), buf.Len())
	if len(heldOut) > 0 {
		docs, alone := nertrain.Evaluate(tg, heldOut, true), nertrain.Evaluate(tg, heldOut, false)
		fmt.Fprintf(env.Stdout, "PER on %s, exact span: whole documents P %.4f R %.4f F1 %.4f; one sentence per text P %.4f R %.4f F1 %.4f\n",
			heldName, docs.Precision(), docs.Recall(), docs.F1(), alone.Precision(), alone.Recall(), alone.F1())
	}
	if out != "" {
		if err := atomicfile.Write(out, func(f *os.File) error { _, err := f.Write(buf.Bytes()); return err }); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "wrote %s\n", out)
	}
	return nil
}

func readCoNLLFile(path string) ([]nertrain.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := nertrain.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
