package schema

import (
	"bytes"
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
	skipTo := 0 // the end of a multi-line inline value already scanned
	for _, line := range strings.SplitAfter(string(src), "\n") {
		start := off
		off += len(line)
		if start < skipTo {
			continue
		}
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
		if strings.HasPrefix(value, "{") || strings.HasPrefix(value, "[") {
			// Keys inside inline tables, which may span lines in arrays.
			v := start + indent + eq + 1
			for v < len(src) && (src[v] == ' ' || src[v] == '\t') {
				v++
			}
			skipTo = inline(src, v, path, keys)
			continue
		}
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

// inline scans the inline table or array at src[i:] (an array's items
// named path[0], path[1], ...), adding the keys of its tables, and returns
// the offset after it. The text is valid TOML: Decode parsed it first.
func inline(src []byte, i int, path string, keys map[string]int) int {
	space := func() {
		for i < len(src) {
			switch src[i] {
			case ' ', '\t', '\r', '\n':
				i++
			case '#':
				for i < len(src) && src[i] != '\n' {
					i++
				}
			default:
				return
			}
		}
	}
	switch {
	case i >= len(src):
		return i
	case src[i] == '{':
		i++
		for {
			space()
			if i >= len(src) || src[i] == '}' {
				return i + 1
			}
			if src[i] == ',' {
				i++
				continue
			}
			eq := bytes.IndexByte(src[i:], '=')
			if eq < 0 {
				return len(src)
			}
			key := path + "." + cleanKey(string(src[i:i+eq]))
			add(keys, key, i)
			i += eq + 1
			space()
			i = inline(src, i, key, keys)
		}
	case src[i] == '[':
		i++
		for n := 0; ; n++ {
			space()
			if i >= len(src) || src[i] == ']' {
				return i + 1
			}
			if src[i] == ',' {
				i++
				space()
				if i >= len(src) || src[i] == ']' {
					return i + 1
				}
			}
			i = inline(src, i, fmt.Sprintf("%s[%d]", path, n), keys)
		}
	case src[i] == '"' || src[i] == '\'':
		q := src[i : i+1]
		if bytes.HasPrefix(src[i:], bytes.Repeat(q, 3)) {
			end := bytes.Index(src[i+3:], bytes.Repeat(q, 3))
			if end < 0 {
				return len(src)
			}
			return i + 3 + end + 3
		}
		for j := i + 1; j < len(src); j++ {
			if src[j] == '\\' && q[0] == '"' {
				j++
			} else if src[j] == q[0] {
				return j + 1
			}
		}
		return len(src)
	}
	for i < len(src) && !bytes.ContainsRune([]byte(",]}\n#"), rune(src[i])) {
		i++
	}
	return i
}
