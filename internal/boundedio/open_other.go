//go:build !unix

package boundedio

const openFlags = 0
