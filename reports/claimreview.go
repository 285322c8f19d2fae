package reports

import (
	"cmp"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/reconcile"
)

// Publisher is the organisation that publishes the fact checks: the
// [publisher] block of crosscheck.toml. URL is the page the HTML report is
// published at; each review links to its group's section there.
type Publisher struct {
	Name string
	URL  string
}

// Rating names, from the textual scale fact-checkers use. Outdated is
// kept apart from Incorrect because a toll that was right when reported and
// later rose is not the same failing as a wrong figure.
const (
	RatingIncorrect = "Incorrect"
	RatingOutdated  = "Outdated"
)

type claimReviewLD struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	URL           string   `json:"url"`
	ClaimReviewed string   `json:"claimReviewed"`
	DatePublished string   `json:"datePublished,omitempty"`
	Author        ldAgent  `json:"author"`
	ItemReviewed  ldClaim  `json:"itemReviewed"`
	ReviewRating  ldRating `json:"reviewRating"`
}

type ldAgent struct {
	Type string `json:"@type"` // Organization or Person
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type ldClaim struct {
	Type          string   `json:"@type"`
	Author        *ldAgent `json:"author,omitempty"`
	DatePublished string   `json:"datePublished,omitempty"`
	Appearance    *ldWork  `json:"appearance,omitempty"`
}

type ldWork struct {
	Type          string    `json:"@type"` // NewsArticle or CreativeWork
	URL           string    `json:"url,omitempty"`
	Headline      string    `json:"headline,omitempty"`
	DatePublished string    `json:"datePublished,omitempty"`
	Author        []ldAgent `json:"author,omitempty"`
	Publisher     *ldAgent  `json:"publisher,omitempty"`
}

type ldRating struct {
	Type              string `json:"@type"`
	AlternateName     string `json:"alternateName"`
	RatingExplanation string `json:"ratingExplanation,omitempty"`
}

// ClaimReview writes schema.org ClaimReview markup (JSON-LD) for every
// claim a verdict rejects: a claim whose source is among its group's
// verdict's Rejects. The output is one JSON array, ordered by event,
// property and place in the corpus, ready to go in a
// <script type="application/ld+json"> element of the published report;
// for that reason, unlike the other JSON outputs, <, > and & are escaped,
// so a quote holding "</script>" cannot end the element early.
//
// A rejected claim is rated Outdated when its figure was superseded by a
// revision, or when it is a cumulative count that held before the
// verdict's as-of date (a toll that was right then and rose since);
// otherwise it is Incorrect.
func ClaimReview(w io.Writer, r reconcile.Result, pub Publisher) error {
	pub.Name = strings.TrimSpace(pub.Name)
	if pub.Name == "" || htmlWebURL(pub.URL) == "" {
		return errors.New("ClaimReview markup needs the publisher's name and an absolute http(s) url: set them in the [publisher] block of crosscheck.toml")
	}
	sources := map[string]reconcile.Source{}
	for _, s := range r.Sources {
		sources[s.ID] = s
	}
	out := []claimReviewLD{}
	for _, g := range sortedGroups(r.Groups) {
		v := g.Verdict
		if v == nil || len(v.Rejects) == 0 {
			continue
		}
		idx := make([]int, 0, len(g.Claims))
		for i := range g.Claims {
			// A rejected source's claims that agree with the record are
			// not reviewed: rating them Incorrect would be wrong.
			if i < len(g.Rejected) && g.Rejected[i] {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			ca, cb := g.Claims[a], g.Claims[b]
			return cmp.Or(cmp.Compare(ca.Pos.File, cb.Pos.File), cmp.Compare(ca.Pos.Line, cb.Pos.Line), cmp.Compare(ca.ID, cb.ID))
		})
		for _, i := range idx {
			out = append(out, claimReviewOf(g, i, v, sources[g.Claims[i].Source], pub))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func claimReviewOf(g reconcile.GroupResult, i int, v *reconcile.Verdict, s reconcile.Source, pub Publisher) claimReviewLD {
	c := g.Claims[i]
	rating := RatingIncorrect
	superseded := i < len(g.Superseded) && g.Superseded[i]
	heldBefore := g.Kind == reconcile.Count && g.Cumulative && v.AsOfText != "" && v.AsOf != reconcile.Always && c.AsOf.Max < v.AsOf.Min
	if superseded || heldBefore {
		rating = RatingOutdated
	}
	explanation := strings.TrimSpace(v.Reason)
	if explanation == "" {
		explanation = "The record establishes " + v.Established + "."
	}
	item := ldClaim{Type: "Claim", DatePublished: isoDate(s.Published)}
	switch {
	case s.Outlet != "":
		item.Author = &ldAgent{Type: "Organization", Name: s.Outlet}
	case len(s.Authors) > 0:
		item.Author = &ldAgent{Type: "Person", Name: s.Authors[0]}
	}
	work := &ldWork{Type: "CreativeWork", URL: htmlWebURL(s.URL), Headline: s.Title, DatePublished: item.DatePublished}
	if s.Kind == "news" {
		work.Type = "NewsArticle"
	}
	for _, a := range s.Authors {
		work.Author = append(work.Author, ldAgent{Type: "Person", Name: a})
	}
	if s.Outlet != "" {
		work.Publisher = &ldAgent{Type: "Organization", Name: s.Outlet}
	}
	if work.URL != "" || work.Headline != "" {
		item.Appearance = work
	}
	return claimReviewLD{
		Context:       "https://schema.org",
		Type:          "ClaimReview",
		URL:           withFragment(pub.URL, GroupAnchor(g.Event, g.Property)),
		ClaimReviewed: strings.Join(strings.Fields(c.Quote), " "),
		DatePublished: isoDate(v.Decided),
		Author:        ldAgent{Type: "Organization", Name: pub.Name, URL: htmlWebURL(pub.URL)},
		ItemReviewed:  item,
		ReviewRating:  ldRating{Type: "Rating", AlternateName: rating, RatingExplanation: explanation},
	}
}

// isoDateRE matches the ISO 8601 calendar dates the claims format allows
// (2024, 2024-01, 2024-01-03); spans like "2024-01-08..2024-01-14" are
// not ISO dates and are left out rather than mislabelled.
var isoDateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if isoDateRE.MatchString(s) {
		return s
	}
	return ""
}

func withFragment(base, fragment string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	u.Fragment = fragment
	return u.String()
}
