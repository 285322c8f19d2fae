package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/reconcile"
)

// hostile is a result whose texts try to break out of a workflow command.
func hostile() reconcile.Result {
	r := kerman()
	r.Problems = append(r.Problems, reconcile.Problem{
		Pos: reconcile.Pos{File: "./sources/evil.toml", Line: 3, Col: 5}, Severity: reconcile.Warning,
		Message: "bad, value\n::error file=x::injected 100%",
	})
	return r
}

func TestGitHubAnnotatesEachOpenFindingAndProblem(t *testing.T) {
	r := hostile()
	var b bytes.Buffer
	if err := GitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	open := 0
	for _, f := range r.Findings {
		if f.Status == reconcile.Open {
			open++
		}
	}
	if len(lines) != open+len(r.Problems) {
		t.Fatalf("got %d lines, want one per open finding (%d) and problem (%d):\n%s", len(lines), open, len(r.Problems), b.String())
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error file=") && !strings.HasPrefix(l, "::warning file=") && !strings.HasPrefix(l, "::notice file=") {
			t.Errorf("not a workflow command: %q", l)
		}
		if !strings.Contains(l, ",line=") {
			t.Errorf("no line: %q", l)
		}
	}
	want := "::warning file=sources/evil.toml,line=3,col=5,title=crosscheck%3A warning::bad, value%0A::error file=x::injected 100%25"
	if !strings.Contains(b.String(), want+"\n") {
		t.Errorf("hostile message not escaped; want line\n%s\nin\n%s", want, b.String())
	}
}

func TestSARIFIsLocatedAndStable(t *testing.T) {
	r := hostile()
	var b bytes.Buffer
	if err := SARIF(&b, r, "test"); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "crosscheck" {
		t.Fatalf("not a SARIF 2.1.0 log with one crosscheck run: %s", b.String())
	}
	run := log.Runs[0]
	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	for _, res := range run.Results {
		if res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s points at rule index %d, which is not its rule", res.RuleID, res.RuleIndex)
		}
		if len(res.Locations) != 1 || res.Locations[0].Physical.Artifact.URI == "" || res.Locations[0].Physical.Region.StartLine < 1 {
			t.Errorf("result %q is not located: %+v", res.Message.Text, res.Locations)
		}
		if res.Fingerprints["crosscheck/v1"] == "" {
			t.Errorf("result %q has no fingerprint", res.Message.Text)
		}
	}
	// Moving a claim down the file must not change its finding's identity.
	moved := hostile()
	for i := range moved.Findings {
		for j := range moved.Findings[i].Claims {
			moved.Findings[i].Claims[j].Pos.Line += 7
		}
	}
	var b2 bytes.Buffer
	if err := SARIF(&b2, moved, "test"); err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Findings {
		fp := findingFingerprint(findingRule[f.Kind], f)
		if f.Status == reconcile.Open && !strings.Contains(b2.String(), fp) {
			t.Errorf("fingerprint of %q changed when its claims moved", f.Summary)
		}
	}
}
