package load

// hugePageSize is the size of a huge page on amd64 and arm64 Linux with
// 4 KB pages.
const hugePageSize = 2 << 20

// hugeSpan is the stretch of whole huge pages within [start, end): advice
// given for more would reach memory the array does not own.
func hugeSpan(start, end uintptr) (first, last uintptr, ok bool) {
	first = (start + hugePageSize - 1) &^ (hugePageSize - 1)
	last = end &^ (hugePageSize - 1)
	return first, last, first < last
}
