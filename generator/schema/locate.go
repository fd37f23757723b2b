package schema

import (
	"fmt"
	"strings"
)

// locateKeys maps each dotted key path of a TOML document to the byte offset
// where the key is written. Keys of the n-th [[array]] table are found as
// array[n].key, as the decoder names them. BurntSushi/toml keeps key positions to itself, so
// we scan the few forms front matter and config use: [table], [[array]],
// key = value and dotted.key = value. Multi-line strings are skipped. Only the
// first occurrence of a path is kept.
func locateKeys(src []byte) map[string]int {
	keys := map[string]int{}
	arrays := map[string]int{} // [[name]] -> how many seen
	table := ""
	inString := "" // the closing quote of an open multi-line string
	off := 0
	for _, line := range strings.SplitAfter(string(src), "\n") {
		start := off
		off += len(line)
		if inString != "" {
			if strings.Contains(line, inString) {
				inString = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		switch {
		case strings.HasPrefix(trimmed, "[["):
			if end := strings.Index(trimmed, "]]"); end > 0 {
				name := cleanKey(trimmed[2:end])
				add(keys, name, start+indent)
				table = fmt.Sprintf("%s[%d]", name, arrays[name])
				arrays[name]++
				add(keys, table, start+indent)
			}
			continue
		case strings.HasPrefix(trimmed, "["):
			if end := strings.Index(trimmed, "]"); end > 0 {
				table = cleanKey(trimmed[1:end])
				add(keys, table, start+indent)
			}
			continue
		}
		eq := strings.IndexByte(trimmed, '=')
		if eq <= 0 || trimmed[0] == '#' || trimmed[0] == '{' {
			continue
		}
		key := cleanKey(trimmed[:eq])
		if key == "" {
			continue
		}
		path := key
		if table != "" {
			path = table + "." + key
		}
		add(keys, path, start+indent)
		value := strings.TrimSpace(trimmed[eq+1:])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, q) && !strings.Contains(value[3:], q) {
				inString = q
			}
		}
	}
	return keys
}

func add(keys map[string]int, path string, off int) {
	if _, ok := keys[path]; !ok {
		keys[path] = off
	}
}

// cleanKey turns ` a . "b" ` into a.b.
func cleanKey(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
