package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/analyze/train"
)

func init() {
	register("train", "train the analysis models (all from ../shared/data, or one task from your own text,label CSV)", runTrain)
}

func runTrain(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "train", "-task lexicons|all -data ../shared/data -out analyze/models | -task TASK -data FILE.csv -out model.json\n"+
		"       xenoscope train -task ner -data ../shared/data -out figures/ner/model.bin.gz [-validation]")
	task := fs.String("task", "", "lexicons (word list and WordNet widening, before all), all, ner (the person tagger), or one of "+strings.Join(analyze.Tasks, ", "))
	data := fs.String("data", "", "shared data folder (-task lexicons, all, ner) or a CSV with text,label columns (-task ner: or a CoNLL-2003 file)")
	validation := fs.Bool("validation", false, "with -task ner: train on four fifths of the training documents and report PER F1 on the fifth left out")
	wordnet := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database folder (-task lexicons; Debian package wordnet)")
	hand := fs.String("hand", train.HandDataDir, "folder with the hand-labelled examples (-task all)")
	out := fs.String("out", "", "output folder (-task all) or model JSON file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(env.Stderr, nil))
	if *task == "ner" {
		if *data == "" {
			return usageErr("example: xenoscope train -task ner -data ../shared/data -out figures/ner/model.bin.gz", "-data is required")
		}
		return trainNER(env, *data, *out, *validation, logger)
	}
	if *task == "" || *data == "" || *out == "" {
		return usageErr("example: xenoscope train -task all -data ../shared/data -out analyze/models", "-task, -data and -out are required")
	}
	if *task == "lexicons" {
		if _, err := os.Stat(*wordnet); err != nil {
			return usageErr("install WordNet (apt-get install wordnet) or pass -wordnet DIR", "WordNet not found: %v", err)
		}
		if err := train.BuildLexicons(*data, *wordnet, *out); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "wrote %s/vocab.txt and %s/wordnet.txt; rebuild the binary, then run -task all\n", *out, *out)
		return nil
	}
	if *task == "all" {
		if st, err := os.Stat(*data); err != nil || !st.IsDir() {
			return usageErr("-data must be the shared data folder for -task all", "data folder %s not found", *data)
		}
		return train.TrainAll(*data, *hand, *out, logger)
	}
	ls, err := train.LoadTextLabel(*data)
	if err != nil {
		return usageErr("the CSV needs a header with text and label columns", "read %s: %v", *data, err)
	}
	m, err := train.TrainUser(*task, ls)
	if err != nil {
		return usageErr("", "train %s: %v", *task, err)
	}
	if err := m.Save(*out); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "trained %s on %d rows (%d features) -> %s\n", *task, len(ls), len(m.Weights), *out)
	fmt.Fprintf(env.Stdout, "use it with: xenoscope score -model %s=%s\n", *task, *out)
	return nil
}
