package analyze

// jointModels holds the weights of the four large models that read a unit's
// full feature list (migration, anti_migrant, any_hate, counter_speech) in
// one table, so that each feature name is hashed once per unit instead of
// four times. Margins are bit-identical to LinearModel.margin: the same
// features are added in the same order (a model without the feature adds
// 0).
type jointModels struct {
	idx  map[string]int32
	w    [][numJoint]float64
	bias [numJoint]float64
}

// Columns of jointModels.
const (
	jMigration = iota
	jAnti
	jAnyHate
	jCounter
	numJoint
)

// newJointModels builds the table; a nil model is a column of zeros.
func newJointModels(ms [numJoint]*LinearModel) *jointModels {
	j := &jointModels{idx: map[string]int32{}}
	for k, m := range ms {
		if m == nil {
			continue
		}
		j.bias[k] = m.Bias
		for name, w := range m.Weights {
			i, ok := j.idx[name]
			if !ok {
				i = int32(len(j.w))
				j.idx[name] = i
				j.w = append(j.w, [numJoint]float64{})
			}
			j.w[i][k] = w
		}
	}
	return j
}

// margins returns the raw margins of the four models for fs.
func (j *jointModels) margins(fs []feat) [numJoint]float64 {
	z := j.bias
	for _, f := range fs {
		if i, ok := j.idx[f.name]; ok {
			row := &j.w[i]
			for k := range z {
				z[k] += row[k] * f.val
			}
		}
	}
	return z
}
