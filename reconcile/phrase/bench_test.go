package phrase

import (
	"testing"

	"github.com/crosscheck/crosscheck/reconcile"
)

// A mix like a real corpus: mostly plain figures and common qualifiers.
var benchCounts = []string{
	"84", "at least 91", "nearly 100", "more than 100", "between 15 and 20",
	"an estimated 6,000", "dozens", "137 people", "thirteen", "some 14 hours",
}

var benchDates = []string{
	"2024-01-03", "Jan. 3, 2024", "January 2024", "last Wednesday", "March 22",
	"3 January 2024", "yesterday", "Friday, March 22", "2014", "earlier this month",
}

func BenchmarkCount(b *testing.B) {
	o := DefaultOptions()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Count(benchCounts[i%len(benchCounts)], o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDate(b *testing.B) {
	o := DefaultOptions()
	pub := reconcile.Range{Min: reconcile.DayOf(2024, 4, 2), Max: reconcile.DayOf(2024, 4, 2)}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, _, err := Date(benchDates[i%len(benchDates)], pub, o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSpan(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Span("2024-01-08..2024-01-14"); err != nil {
			b.Fatal(err)
		}
	}
}
