package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/reconcile"
)

var testPublisher = Publisher{Name: "Crosscheck Desk", URL: "https://factcheck.example.org/kerman/"}

func renderClaimReview(t *testing.T, r reconcile.Result) (string, []map[string]any) {
	t.Helper()
	out := render(t, func(b *bytes.Buffer) error { return ClaimReview(b, r, testPublisher) })
	var reviews []map[string]any
	if err := json.Unmarshal([]byte(out), &reviews); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	return out, reviews
}

// withRejections makes the Kerman verdict reject The Conversation too, so
// there is one Incorrect and one Outdated review.
func withRejections() reconcile.Result {
	r := kermanReport()
	for i := range r.Groups {
		g := &r.Groups[i]
		if v := g.Verdict; v != nil {
			v.Rejects = []string{"tasnim", "conversation"}
			// As the core marks them: both contradict the established
			// figure, so both are rejected.
			g.Rejected = make([]bool, len(g.Claims))
			for j, c := range g.Claims {
				g.Rejected[j] = c.Source == "tasnim" || c.Source == "conversation"
			}
		}
	}
	return r
}

// field walks a decoded JSON object by keys.
func field(m map[string]any, path ...string) any {
	var v any = m
	for _, k := range path {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = obj[k]
	}
	return v
}

func TestClaimReviewOnePerRejectedClaim(t *testing.T) {
	_, reviews := renderClaimReview(t, withRejections())
	if len(reviews) != 2 {
		t.Fatalf("%d reviews, want one per claim from a rejected source (2)", len(reviews))
	}
	var got []string
	for _, rv := range reviews {
		got = append(got, field(rv, "claimReviewed").(string)+" → "+field(rv, "reviewRating", "alternateName").(string))
	}
	want := []string{
		"resulted in the deaths of over 100 people → Incorrect", // sources/conversation.toml sorts first
		"103 people were killed → Outdated",                     // superseded by the revision to 84
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviews (-want +got):\n%s", diff)
	}
}

// TestClaimReviewFields checks each review against Google's fact-check
// markup: claimReviewed, reviewRating.alternateName and url are required;
// author (with a name), datePublished and itemReviewed (a Claim with
// appearance, author and datePublished) are recommended.
func TestClaimReviewFields(t *testing.T) {
	_, reviews := renderClaimReview(t, withRejections())
	for _, rv := range reviews {
		for _, path := range [][]string{
			{"@context"}, {"@type"}, {"claimReviewed"}, {"url"},
			{"reviewRating", "@type"}, {"reviewRating", "alternateName"}, {"reviewRating", "ratingExplanation"},
			{"author", "@type"}, {"author", "name"}, {"datePublished"},
			{"itemReviewed", "@type"}, {"itemReviewed", "author", "name"}, {"itemReviewed", "datePublished"},
			{"itemReviewed", "appearance", "@type"}, {"itemReviewed", "appearance", "headline"},
		} {
			if s, _ := field(rv, path...).(string); s == "" {
				t.Errorf("review of %q lacks %s", field(rv, "claimReviewed"), strings.Join(path, "."))
			}
		}
		if field(rv, "@context") != "https://schema.org" || field(rv, "@type") != "ClaimReview" ||
			field(rv, "itemReviewed", "@type") != "Claim" || field(rv, "reviewRating", "@type") != "Rating" {
			t.Errorf("wrong types: %v", rv)
		}
		if got := field(rv, "url"); got != "https://factcheck.example.org/kerman/#g-kerman-bombing-2024--deaths" {
			t.Errorf("url = %v, want the publisher's page at the group's anchor", got)
		}
		if got := field(rv, "datePublished"); got != "2024-02-01" {
			t.Errorf("datePublished = %v, want the verdict's decision date", got)
		}
		if got := field(rv, "author", "name"); got != "Crosscheck Desk" {
			t.Errorf("author = %v", got)
		}
	}
	tasnim := reviews[1]
	if got := field(tasnim, "itemReviewed", "appearance", "@type"); got != "NewsArticle" {
		t.Errorf("a news source's appearance is %v, want NewsArticle", got)
	}
	if got := field(tasnim, "itemReviewed", "author"); !cmp.Equal(got, map[string]any{"@type": "Organization", "name": "Tasnim"}) {
		t.Errorf("itemReviewed.author = %v, want the outlet as an Organization", got)
	}
}

func TestClaimReviewOutdatedCumulativeBeforeVerdict(t *testing.T) {
	r := kermanReport()
	for i := range r.Groups {
		g := &r.Groups[i]
		if v := g.Verdict; v != nil {
			v.Rejects = []string{"irna"} // 84 on 4 Jan: right then, lower than the later count
			g.Rejected = make([]bool, len(g.Claims))
			for j, c := range g.Claims {
				g.Rejected[j] = c.Source == "irna"
			}
		}
	}
	_, reviews := renderClaimReview(t, r)
	if len(reviews) != 1 || field(reviews[0], "reviewRating", "alternateName") != RatingOutdated {
		t.Errorf("a cumulative count that held before the verdict's as-of should be Outdated: %v", reviews)
	}
}

func TestClaimReviewEscapesForScriptElements(t *testing.T) {
	r := withRejections()
	r = func() reconcile.Result { h := hostileClaims(); h.Groups = r.Groups; return h }()
	for gi := range r.Groups {
		for ci := range r.Groups[gi].Claims {
			if r.Groups[gi].Claims[ci].Source == "conversation" {
				r.Groups[gi].Claims[ci].Quote = "over 100</script><script>alert(1)</script>"
			}
		}
	}
	out, reviews := renderClaimReview(t, r)
	if strings.Contains(out, "</script") || strings.Contains(out, "<") {
		t.Errorf("< must be escaped so the markup can sit in a script element:\n%s", out)
	}
	if field(reviews[0], "claimReviewed") != "over 100</script><script>alert(1)</script>" {
		t.Errorf("the quote must survive decoding unchanged: %v", field(reviews[0], "claimReviewed"))
	}
}

func TestClaimReviewDeterministicAndEmpty(t *testing.T) {
	a, _ := renderClaimReview(t, withRejections())
	for range 3 {
		if b, _ := renderClaimReview(t, withRejections()); a != b {
			t.Fatal("two renders differ")
		}
	}
	out, reviews := renderClaimReview(t, reconcile.Result{})
	if len(reviews) != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("no verdicts should give [], got %q", out)
	}
}

func TestClaimReviewNeedsPublisher(t *testing.T) {
	for _, pub := range []Publisher{{}, {Name: "Desk"}, {Name: "Desk", URL: "javascript:alert(1)"}, {URL: "https://x.org/"}} {
		var b bytes.Buffer
		if err := ClaimReview(&b, withRejections(), pub); err == nil || !strings.Contains(err.Error(), "[publisher]") {
			t.Errorf("publisher %+v: err = %v, want one pointing at the [publisher] block", pub, err)
		}
	}
}
