package serve

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// previewHost is the host of the address the preview is built with. The
// preview is opened under many names (localhost, 127.0.0.1, the machine's
// addresses on the LAN with --bind 0.0.0.0), and canonical, og:url, feeds
// and calendars must name the one the reader used. Building once per name
// would multiply the work of every save, so the preview is built once with
// this host, which is reserved (.invalid, RFC 2606) and so cannot occur in
// an editor's text, and ServeHTTP writes the request's Host in its place
// in rendered files. The Host is one the host check accepted, so nothing
// else reaches a page this way.
const previewHost = "folio-preview.invalid"

// previewBase is the base URL of the preview's build.
const previewBase = "http://" + previewHost + "/"

// localize puts the host the reader used into a rendered file of the preview.
func localize(body []byte, host string) []byte {
	if !bytes.Contains(body, []byte(previewHost)) {
		return body
	}
	return bytes.ReplaceAll(body, []byte(previewHost), []byte(host))
}

// hosts says which Host headers the preview answers. A web page on a host
// name of the attacker's that is then pointed at 127.0.0.1 (DNS rebinding)
// could otherwise read the preview, drafts included, and its event stream:
// the browser sends that name as Host, so the name is what is checked.
type hosts struct {
	names map[string]bool // lower case, no port, no trailing dot
	bound net.IP          // the address listened on; any address if unspecified
}

// newHosts accepts the loopback names, the address listened on (and the
// name it was given as, --bind), and the names of allow.
func newHosts(bind string, addr net.Addr, allow []string) hosts {
	h := hosts{names: map[string]bool{"localhost": true}}
	if name, ok := hostName(bind); ok {
		h.names[name] = true
	}
	for _, a := range allow {
		if name, ok := hostName(a); ok {
			h.names[name] = true
		}
	}
	if tcp, ok := addr.(*net.TCPAddr); ok {
		h.bound = tcp.IP
	}
	return h
}

// allowed tells whether a request's Host (name or IP, with or without a
// port) is one the preview answers. With an unspecified bind address
// (0.0.0.0, ::) every IP address is accepted: any of the machine's may be
// used, they change as a laptop moves between networks, and a rebinding
// attack needs a name, never an address.
func (h hosts) allowed(hostport string) bool {
	name, ok := hostName(hostport)
	if !ok {
		return false
	}
	if ip := net.ParseIP(name); ip != nil {
		return ip.IsLoopback() || ip.Equal(h.bound) || h.bound == nil || h.bound.IsUnspecified()
	}
	return h.names[name]
}

// hostName is the name or address of a Host header, lower case, without
// port, brackets or a trailing dot; ok is false for an empty one or one
// whose port is not a number.
func hostName(hostport string) (string, bool) {
	host := hostport
	if h, port, err := net.SplitHostPort(hostport); err == nil {
		if _, err := strconv.ParseUint(port, 10, 16); err != nil {
			return "", false
		}
		host = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1]
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	return host, host != "" && !strings.ContainsAny(host, "[]/ ")
}

// forbidden answers a request whose Host the preview does not accept, in
// the editor's language and in English, naming the flag that allows it.
func forbidden(w http.ResponseWriter, hostport string) {
	name, ok := hostName(hostport)
	if !ok {
		name = "NAME"
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, "folio serve 只回应本机的地址（localhost、127.0.0.1 和 --bind 给的地址），不回应 %q：这样别的网页读不到预览和草稿。\n"+
		"要用这个名字打开预览，请这样启动：folio serve --allow-host %s\n\n"+
		"folio serve answers only this computer's addresses (localhost, 127.0.0.1 and the --bind address), not %q, so that other web pages cannot read the preview and its drafts.\n"+
		"To open the preview under this name, start it with: folio serve --allow-host %s\n", name, name, name, name)
}

// openURLs are the addresses at which the preview can be opened, the one
// to open on this computer first. Listening on every address (0.0.0.0,
// ::), that is localhost and the machine's own addresses (local, from its
// network interfaces) of the bind address's family (both for ::); an
// address such as [::] opens nothing in a browser.
func openURLs(addr *net.TCPAddr, bind string, local []net.IP) []string {
	port := strconv.Itoa(addr.Port)
	if !addr.IP.IsUnspecified() {
		return []string{"http://" + net.JoinHostPort(addr.IP.String(), port) + "/"}
	}
	urls := []string{"http://" + net.JoinHostPort("localhost", port) + "/"}
	v4only := net.ParseIP(bind) != nil && net.ParseIP(bind).To4() != nil
	var v6 []string
	for _, ip := range local {
		if ip.IsLoopback() || !ip.IsGlobalUnicast() {
			continue // link-local addresses need a zone, which browsers do not take
		}
		u := "http://" + net.JoinHostPort(ip.String(), port) + "/"
		switch {
		case ip.To4() != nil:
			urls = append(urls, u)
		case !v4only:
			v6 = append(v6, u)
		}
	}
	urls = append(urls, v6...)
	return slices.Compact(urls)
}

// interfaceIPs are the addresses of the machine's network interfaces that
// are up.
func interfaceIPs() []net.IP {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []net.IP
	for _, iface := range ifaces {
		if iface.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := iface.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				out = append(out, n.IP)
			}
		}
	}
	return out
}
