package shortcode

import (
	"fmt"
	"strings"
	"testing"
)

// show prints calls as name(args)[inner]{children}, with offsets.
func show(src string, calls []*Call) string {
	var parts []string
	for _, c := range calls {
		if c.Literal != "" {
			parts = append(parts, fmt.Sprintf("literal %q @%d-%d", c.Literal, c.Start, c.End))
			continue
		}
		s := c.Name
		if c.Markdown {
			s += "%"
		}
		var args []string
		for _, k := range c.Keys {
			args = append(args, k+"="+c.Named[k])
		}
		args = append(args, c.Positional...)
		s += "(" + strings.Join(args, ",") + ")"
		if c.Paired {
			s += fmt.Sprintf("[%s]", c.Inner)
			if src[c.InnerStart:c.InnerStart+len(c.Inner)] != string(c.Inner) {
				s += " BAD INNER OFFSET"
			}
		}
		if c.Closed {
			s += "/"
		}
		s += fmt.Sprintf(" @%d-%d", c.Start, c.End)
		if len(c.Calls) > 0 {
			s += "{" + show(src, c.Calls) + "}"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct{ src, want, errs string }{
		{`no shortcode {{ here }}`, ``, ``},
		{`a {{< figure src="a.jpg" caption="校园 一角" >}} b`, `figure(src=a.jpg,caption=校园 一角) @2-52`, ``},
		{`{{< bilibili BV1xx411c7mD >}}`, `bilibili(BV1xx411c7mD) @0-29`, ``},
		{`{{<x a=1 b=` + "`raw \"q\"`" + ` c="esc \"d\"">}}`, `x(a=1,b=raw "q",c=esc "d") @0-37`, ``},
		{`{{% note warning %}}**注意**{{% /note %}}`, `note%(warning)[**注意**] @0-43`, ``},
		{`{{< hl >}}<b>{{< /hl >}}`, `hl()[<b>] @0-24`, ``},
		{"{{% note %}}\n{{< figure src=\"a\" >}}\n{{% /note %}}", `note%()[` + "\n{{< figure src=\"a\" >}}\n" + `] @0-49{figure(src=a) @13-35}`, ``},
		{`{{< a >}}{{< b >}}{{< /a >}}`, `a()[{{< b >}}] @0-28{b() @9-18}`, ``},
		{`{{< a />}} and {{< a >}}x{{< /a >}}`, `a()/ @0-10; a()[x] @15-35`, ``},
		{`{{</* figure src="a.jpg" */>}}`, `literal "{{< figure src=\"a.jpg\" >}}" @0-30`, ``},
		{`{{%/* note */%}}`, `literal "{{% note %}}" @0-16`, ``},
		{`{{% note %}}text`, `note%() @0-12`, ``},
		{`text{{% /note %}}`, ``, `4: {{% /note %}} closes note, which is not open here; remove it, or open it before with {{% note %}}`},
		{`{{< note >}}x{{% /note %}}`, `note()[x] @0-26`, `13: note is opened with {{< note >}} and closed with {{% /note %}}; use the same brackets for both`},
		{`{{< figure src="a.jpg"`, ``, `0: shortcode figure: {{< is never closed with >}}`},
		{`{{< >}}`, ``, `0: {{< must be followed by the shortcode's name`},
		{`{{< x a="b >}}`, ``, `8: shortcode x: the value of a is never closed`},
		{`{{< x a="b" c >}}`, ``, `0: shortcode x: arguments are either all named`},
		{`{{< /x y >}}`, ``, `7: the closing tag of x takes no arguments`},
	}
	for _, tt := range tests {
		calls, errs := Parse([]byte(tt.src))
		if got := show(tt.src, calls); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.src, got, tt.want)
		}
		var got []string
		for _, e := range errs {
			got = append(got, fmt.Sprintf("%d: %s", e.Off, e.Msg))
		}
		if all := strings.Join(got, "\n"); tt.errs == "" && all != "" || !strings.Contains(all, tt.errs) {
			t.Errorf("%s: errors:\n%s\nwant %s", tt.src, all, tt.errs)
		}
	}
}

// Parse never panics, and its offsets stay inside the text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`{{< a b="c" >}}x{{< /a >}}`, `{{% n %}}{{</* x */>}}{{% /n %}}`, "{{<", "{{< a `b", `{{< a />}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		calls, errs := Parse([]byte(src))
		var walk func([]*Call)
		walk = func(cs []*Call) {
			for _, c := range cs {
				if c.Start < 0 || c.End > len(src) || c.Start > c.End {
					t.Fatalf("call %q at %d-%d outside %d bytes", c.Name, c.Start, c.End, len(src))
				}
				walk(c.Calls)
			}
		}
		walk(calls)
		for _, e := range errs {
			if e.Off < 0 || e.Off > len(src) {
				t.Fatalf("error at %d outside %d bytes", e.Off, len(src))
			}
		}
	})
}
