// Command go-verify checks a SovereignRouter log directory with the Go reference
// implementations golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog, which share
// no code with the Java module.
//
// Usage:
//
//	go run . -log DIR -key VERIFIER_KEY [-proofs FILE]
//
// It verifies the signed checkpoint (C2SP signed-note, C2SP tlog-checkpoint), authenticates
// every hash tile it reads against the checkpoint root (tlog.TileHashReader), recomputes the
// leaf hash of every entry from the entry bundles and proves it with tlog.ProveRecord /
// tlog.CheckRecord, and, given -proofs, checks inclusion and consistency proofs produced by
// the Java code. It exits non-zero with a message on the first failure.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const height = 8 // C2SP tlog-tiles

func main() {
	dir := flag.String("log", "", "log directory (checkpoint, tile/...)")
	key := flag.String("key", "", "signed-note verifier key <name>+<hash>+<base64>")
	proofs := flag.String("proofs", "", "optional file of Java-made proofs to check")
	flag.Parse()
	if *dir == "" || *key == "" {
		fail(errors.New("usage: go-verify -log DIR -key VERIFIER_KEY [-proofs FILE]"))
	}
	tree, origin, err := openCheckpoint(*dir, *key)
	if err != nil {
		fail(err)
	}
	hr := tlog.TileHashReader(tree, &dirTiles{dir: *dir})
	root, err := tlog.TreeHash(tree.N, hr)
	if err != nil {
		fail(fmt.Errorf("tree hash from tiles: %w", err))
	}
	if root != tree.Hash {
		fail(fmt.Errorf("tiles give root %v, checkpoint says %v", root, tree.Hash))
	}
	for i := int64(0); i < tree.N; i++ {
		entry, err := readEntry(*dir, i, tree.N)
		if err != nil {
			fail(err)
		}
		leaf := tlog.RecordHash(entry)
		p, err := tlog.ProveRecord(tree.N, i, hr)
		if err != nil {
			fail(fmt.Errorf("prove entry %d: %w", i, err))
		}
		if err := tlog.CheckRecord(p, tree.N, tree.Hash, i, leaf); err != nil {
			fail(fmt.Errorf("entry %d: %w", i, err))
		}
	}
	checked := 0
	if *proofs != "" {
		if checked, err = checkProofs(*proofs, tree); err != nil {
			fail(err)
		}
	}
	fmt.Printf("OK %s size=%d root=%v entries=%d java-proofs=%d\n", origin, tree.N, tree.Hash, tree.N, checked)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "go-verify: FAIL:", err)
	os.Exit(1)
}

// openCheckpoint verifies the signed note and parses the C2SP tlog-checkpoint body.
func openCheckpoint(dir, vkey string) (tlog.Tree, string, error) {
	v, err := note.NewVerifier(vkey)
	if err != nil {
		return tlog.Tree{}, "", fmt.Errorf("verifier key: %w", err)
	}
	msg, err := os.ReadFile(filepath.Join(dir, "checkpoint"))
	if err != nil {
		return tlog.Tree{}, "", err
	}
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		return tlog.Tree{}, "", fmt.Errorf("checkpoint signature: %w", err)
	}
	lines := strings.Split(strings.TrimSuffix(n.Text, "\n"), "\n")
	if len(lines) < 3 {
		return tlog.Tree{}, "", errors.New("checkpoint: fewer than 3 lines")
	}
	if lines[0] != v.Name() {
		return tlog.Tree{}, "", fmt.Errorf("checkpoint origin %q, key name %q", lines[0], v.Name())
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return tlog.Tree{}, "", fmt.Errorf("checkpoint: bad size %q", lines[1])
	}
	h, err := parseHash(lines[2])
	if err != nil {
		return tlog.Tree{}, "", fmt.Errorf("checkpoint root: %w", err)
	}
	return tlog.Tree{N: size, Hash: h}, lines[0], nil
}

func parseHash(s string) (tlog.Hash, error) {
	var h tlog.Hash
	b, err := base64.StdEncoding.Strict().DecodeString(s)
	if err != nil || len(b) != tlog.HashSize {
		return h, fmt.Errorf("bad hash %q", s)
	}
	copy(h[:], b)
	return h, nil
}

// dirTiles serves hash tiles from a C2SP tlog-tiles directory. The Go sumdb paths include the
// tile height ("tile/8/L/N"); C2SP paths do not ("tile/L/N").
type dirTiles struct{ dir string }

func (d *dirTiles) Height() int { return height }

func (d *dirTiles) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		rel := "tile/" + strings.TrimPrefix(t.Path(), fmt.Sprintf("tile/%d/", height))
		b, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

func (d *dirTiles) SaveTiles(tiles []tlog.Tile, data [][]byte) {}

// readEntry reads entry i from its C2SP entry bundle (big-endian uint16 length prefixes).
func readEntry(dir string, i, size int64) ([]byte, error) {
	n := i / 256
	w := size - n*256
	if w > 256 {
		w = 256
	}
	t := tlog.Tile{H: height, L: 0, N: n, W: int(w)}
	rel := "tile/entries/" + strings.TrimPrefix(t.Path(), fmt.Sprintf("tile/%d/0/", height))
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	var entries [][]byte
	for len(b) > 0 {
		if len(b) < 2 {
			return nil, fmt.Errorf("%s: truncated length", rel)
		}
		l := int(b[0])<<8 | int(b[1])
		if len(b) < 2+l {
			return nil, fmt.Errorf("%s: truncated entry", rel)
		}
		entries = append(entries, b[2:2+l])
		b = b[2+l:]
	}
	if int64(len(entries)) != w {
		return nil, fmt.Errorf("%s: %d entries, want %d", rel, len(entries), w)
	}
	return entries[i%256], nil
}

// checkProofs checks lines of Java-made proofs against the checkpoint tree:
//
//	inclusion <index> <base64 leaf hash> <base64 hash>...
//	consistency <old size> <base64 old root> <base64 hash>...
func checkProofs(file string, tree tlog.Tree) (int, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	count := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 {
			return count, fmt.Errorf("proofs: bad line %q", sc.Text())
		}
		n, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			return count, err
		}
		h, err := parseHash(f[2])
		if err != nil {
			return count, err
		}
		var hashes []tlog.Hash
		for _, s := range f[3:] {
			x, err := parseHash(s)
			if err != nil {
				return count, err
			}
			hashes = append(hashes, x)
		}
		switch f[0] {
		case "inclusion":
			if err := tlog.CheckRecord(tlog.RecordProof(hashes), tree.N, tree.Hash, n, h); err != nil {
				return count, fmt.Errorf("java inclusion proof for %d: %w", n, err)
			}
		case "consistency":
			if err := tlog.CheckTree(tlog.TreeProof(hashes), tree.N, tree.Hash, n, h); err != nil {
				return count, fmt.Errorf("java consistency proof from %d: %w", n, err)
			}
		default:
			return count, fmt.Errorf("proofs: unknown kind %q", f[0])
		}
		count++
	}
	return count, sc.Err()
}
