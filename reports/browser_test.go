package reports

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/load"
)

// chromiumPath is where Debian's chromium package puts the browser; CI
// installs it (.ci/run), so there the browser test always runs.
const chromiumPath = "/usr/bin/chromium"

// artifactsDir is where the rendered page and screenshots are kept for a
// person to look at: $CROSSCHECK_ARTIFACTS when set (CI uploads it), else a
// directory the test cleans up.
func artifactsDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("CROSSCHECK_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// headless runs Chromium on a local file with networking switched off as
// far as flags allow, so the page is judged only on what it carries.
func headless(t *testing.T, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, chromiumPath, append(append(base, args...), "file://"+page)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return stdout.Bytes()
}

// TestHTMLInBrowser renders the bundled corpus and loads it in headless
// Chromium: the DOM the browser built must hold one chart per count and
// date group, with a bar per claim, and the findings on top, the Kerman
// "over 100" first among Kerman's. Screenshots of the whole report and of
// the Kerman deaths group alone, at laptop and phone widths, are kept for
// a person to review.
func TestHTMLInBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("no browser at %s (apt-get install chromium)", chromiumPath)
	}
	if testing.Short() {
		t.Skip("browser test is slow")
	}
	l, err := load.Load("../claims")
	if err != nil {
		t.Fatal(err)
	}
	r := reconcile.Run(l.Corpus)
	dir := artifactsDir(t)
	page := writePage(t, dir, "report.html", r, "Crosscheck report: the bundled corpus")

	dom := string(headless(t, page, "--dump-dom"))
	charts := 0
	for _, g := range sortedGroups(r.Groups) {
		if isTermKind(g.Kind) {
			continue
		}
		charts++
		section := between(dom, `<section class="group" id="`+GroupAnchor(g.Event, g.Property)+`"`, "</section>")
		if n := strings.Count(section, `<svg class="chart"`); n != 1 {
			t.Errorf("group %s %s: %d charts in the DOM, want 1", g.Event, g.Property, n)
		}
		if bars := strings.Count(section, `<rect class="bar"`); bars != len(g.Claims) {
			t.Errorf("group %s %s: %d bars for %d claims", g.Event, g.Property, bars, len(g.Claims))
		}
	}
	if charts == 0 {
		t.Fatal("the bundled corpus has no count or date groups")
	}
	if n := strings.Count(dom, `<svg class="chart"`); n != charts {
		t.Errorf("%d charts in the DOM, want %d", n, charts)
	}
	if strings.Index(dom, `id="findings"`) > strings.Index(dom, `class="event"`) {
		t.Error("findings are not above the groups")
	}
	findings := between(dom, `<ol class="findings">`, "</ol>")
	if first := between(findings, `<li class="finding`, "</li>"); !strings.Contains(first, "finding open") {
		t.Errorf("the first finding is not an open one:\n%s", first)
	}
	// The Kerman findings stand in the list at the top: the death toll's
	// "over 100" (resolved by the bundled verdict) among them, and the open
	// method and responsibility disagreements first.
	if !strings.Contains(findings, "over 100 (The Conversation, Jan 2024) cannot hold with") {
		t.Error("the Kerman \"over 100\" finding is not among the findings at the top")
	}
	kerman := between(findings, `href="#g-kerman-bombing-2024--`, "</li>")
	if !strings.Contains(kerman, "Radio Farda") {
		t.Errorf("the first Kerman finding should be an open one about Radio Farda's account of the method:\n%s", kerman)
	}
	// The browser parsed the SVG as SVG: a bar's description reached the
	// DOM as an attribute, not as stray text.
	if !regexp.MustCompile(`aria-label="The Conversation: over 100, from 101 with no upper bound, as of Jan 2024, disagrees"`).MatchString(dom) {
		t.Error("the description of The Conversation's bar is missing from the DOM")
	}

	deaths := writePage(t, dir, "kerman-deaths.html", onlyGroup(r, "kerman-bombing-2024", "deaths"), "Kerman bombings: the death toll")
	for _, shot := range []struct{ page, name, size string }{
		{page, "report-laptop.png", "1280,2400"},
		{page, "report-phone.png", "390,2400"},
		{deaths, "kerman-deaths-laptop.png", "1280,2400"},
		{deaths, "kerman-deaths-phone.png", "390,3200"},
	} {
		path := filepath.Join(dir, shot.name)
		headless(t, shot.page, "--screenshot="+path, "--window-size="+shot.size)
		if info, err := os.Stat(path); err != nil || info.Size() < 10_000 {
			t.Errorf("screenshot %s missing or blank: %v", path, err)
		}
		t.Logf("screenshot: %s", path)
	}
}

func writePage(t *testing.T, dir, name string, r reconcile.Result, title string) string {
	t.Helper()
	page, err := filepath.Abs(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := HTML(&b, r, HTMLOptions{Title: title}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return page
}

// onlyGroup narrows a result to one group and its findings, for a
// screenshot that shows that group's chart without scrolling.
func onlyGroup(r reconcile.Result, event, property string) reconcile.Result {
	var gs []reconcile.GroupResult
	var fs []reconcile.Finding
	for _, g := range r.Groups {
		if g.Event == event && g.Property == property {
			gs = append(gs, g)
			fs = append(fs, g.Findings...)
		}
	}
	r.Groups, r.Findings, r.Problems = gs, fs, nil
	return r
}

// between is the text from the first start to the next end after it, or
// "" when start is missing.
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s, end); j >= 0 {
		return s[:j+len(end)]
	}
	return s
}
