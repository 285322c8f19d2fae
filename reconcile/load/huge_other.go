//go:build !linux

package load

import "unsafe"

func hugePages(unsafe.Pointer, uintptr) {}
