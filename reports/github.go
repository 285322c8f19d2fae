package reports

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/reconcile"
)

// GitHub writes one GitHub Actions workflow command per problem and open
// finding, so each shows as an annotation on the exact file and line of the
// pull request. Errors become ::error, warnings ::warning and notes
// ::notice. Resolved findings are not annotated: they are settled.
func GitHub(w io.Writer, r reconcile.Result) error {
	for _, p := range sortedProblems(r.Problems) {
		title := "crosscheck: " + string(p.Severity)
		if err := workflowCommand(w, p.Severity, p.Pos, title, p.Message); err != nil {
			return err
		}
	}
	for _, f := range sortedFindings(r.Findings) {
		if f.Status != reconcile.Open {
			continue
		}
		title := fmt.Sprintf("crosscheck %s: %s %s", f.Kind, f.Event, f.Property)
		if err := workflowCommand(w, f.Severity, f.Where(), title, f.Summary); err != nil {
			return err
		}
	}
	return nil
}

func workflowCommand(w io.Writer, sev reconcile.Severity, at reconcile.Pos, title, message string) error {
	cmd := map[reconcile.Severity]string{reconcile.Error: "error", reconcile.Warning: "warning"}[sev]
	if cmd == "" {
		cmd = "notice"
	}
	props := []string{"file=" + escapeProperty(filepath.ToSlash(filepath.Clean(at.File)))}
	if at.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", at.Line))
	}
	if at.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", at.Col))
	}
	props = append(props, "title="+escapeProperty(title))
	_, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(message))
	return err
}

// GitHub parses workflow commands by their punctuation, so a claim's text
// holding a newline, "::" or "," must be percent-encoded or it would end the
// command early or inject another one.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
