package analyze

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
)

// LinearModel is a trained logistic (or, for tone, linear) model over named
// features, with Platt calibration. It is what analyze/models/*.json holds.
type LinearModel struct {
	Task    string             `json:"task"`
	Kind    string             `json:"kind"` // "logistic" | "regression"
	Bias    float64            `json:"bias"`
	Weights map[string]float64 `json:"weights"`
	// Platt scaling fitted on a held-out calibration split:
	// p = 1/(1+exp(-(PlattA*margin+PlattB))).
	PlattA float64 `json:"platt_a"`
	PlattB float64 `json:"platt_b"`
	// Provenance: what it was trained on, for the README and `eval`.
	TrainedOn string         `json:"trained_on"`
	Counts    map[string]int `json:"counts,omitempty"`
}

// margin is the raw linear score.
func (m *LinearModel) margin(fs []feat) float64 {
	z := m.Bias
	for _, f := range fs {
		z += m.Weights[f.name] * f.val
	}
	return z
}

// prob is the calibrated probability.
func (m *LinearModel) prob(fs []feat) float64 {
	return sigmoid(m.PlattA*m.margin(fs) + m.PlattB)
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// LoadModel reads a LinearModel JSON file (the output of `xenoscope train`).
func LoadModel(path string) (*LinearModel, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load model %s: %w", path, err)
	}
	var m LinearModel
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("load model %s: %w", path, err)
	}
	if m.Weights == nil || m.PlattA == 0 && m.Kind == "logistic" {
		return nil, fmt.Errorf("load model %s: not a xenoscope linear model (no weights or calibration)", path)
	}
	return &m, nil
}

// Save writes the model as indented, key-sorted JSON (reproducible bytes).
func (m *LinearModel) Save(path string) error {
	raw, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(raw, '\n'), 0o644); err != nil {
		return fmt.Errorf("save model %s: %w", path, err)
	}
	return nil
}
