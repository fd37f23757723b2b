package sanitize

import (
	"strings"
)

// editorNS are the namespaces of drawing programs' own notes (Inkscape,
// Sodipodi, Illustrator, RDF metadata): dropped without a word, since no
// reader sees them.
func editorNS(space string) bool {
	switch space {
	case "http://www.inkscape.org/namespaces/inkscape",
		"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
		"http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd",
		"http://www.w3.org/1999/02/22-rdf-syntax-ns#",
		"http://creativecommons.org/ns#",
		"http://purl.org/dc/elements/1.1/",
		"http://ns.adobe.com/AdobeIllustrator/10.0/",
		"http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
		"http://ns.adobe.com/Extensibility/1.0/",
		"http://ns.adobe.com/Graphs/1.0/",
		"http://ns.adobe.com/Variables/1.0/",
		"http://ns.adobe.com/SaveForWeb/1.0/",
		"http://ns.adobe.com/ImageReplacement/1.0/",
		"http://ns.adobe.com/GenericCustomNamespace/1.0/",
		"http://ns.adobe.com/XPath/1.0/",
		"http://www.bohemiancoding.com/sketch/ns":
		return true
	}
	return false
}

// element tells whether an element is kept, by its SVG name; quiet means
// it goes without a word (an editor's metadata).
func element(n name) (local string, ok, quiet bool) {
	if n.Space != "" && n.Space != svgNS {
		return "", false, editorNS(n.Space)
	}
	switch n.Local {
	case "svg", "g", "defs", "symbol", "use", "title", "desc", "switch",
		"path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
		"text", "tspan", "textPath",
		"linearGradient", "radialGradient", "stop", "pattern",
		"clipPath", "mask", "marker", "image", "a", "style",
		"filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
		"feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
		"feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
		"feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset",
		"fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence":
		return n.Local, true, false
	case "metadata", "sodipodi:namedview":
		return "", false, true
	}
	return "", false, false
}

// attribute tells whether an attribute of the element el is kept, and how
// it is written; quiet means it goes without a word.
func attribute(el string, a xmlAttr) (key, value string, ok, quiet bool) {
	v := a.Value
	switch a.Name.Space {
	case "":
	case "xmlns":
		return "", "", false, true // written again for what is kept
	case xmlNS:
		if a.Name.Local == "space" || a.Name.Local == "lang" {
			return "xml:" + a.Name.Local, v, true, false
		}
		return "", "", false, false
	case xlinkNS:
		switch a.Name.Local {
		case "href":
			return "xlink:href", v, safeHref(el, v), false
		case "title":
			return "xlink:title", v, true, false
		}
		return "", "", false, false
	default:
		return "", "", false, editorNS(a.Name.Space)
	}
	l := a.Name.Local
	switch l {
	case "xmlns":
		return "", "", false, true
	case "href":
		return l, v, safeHref(el, v), false
	case "style":
		return l, v, safeCSS(v), false
	case "target":
		return l, v, el == "a", false
	}
	if !presentation(l) {
		return "", "", false, false
	}
	return l, v, safeValue(v), false
}

// presentation lists the attributes that only say how a drawing looks.
func presentation(l string) bool {
	switch l {
	case "id", "class", "lang", "tabindex", "role", "version", "baseProfile",
		"aria-label", "aria-hidden", "aria-labelledby", "aria-describedby", "focusable",
		"transform", "viewBox", "preserveAspectRatio", "width", "height",
		"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
		"d", "points", "pathLength",
		"fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
		"stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
		"stroke-opacity", "opacity", "color", "display", "visibility", "overflow",
		"clip", "clip-path", "clip-rule", "mask", "filter", "paint-order", "vector-effect",
		"mix-blend-mode", "isolation", "shape-rendering", "text-rendering", "image-rendering",
		"color-interpolation", "color-interpolation-filters", "color-rendering", "enable-background",
		"font-family", "font-size", "font-size-adjust", "font-weight", "font-style", "font-variant", "font-stretch",
		"text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
		"letter-spacing", "word-spacing", "text-decoration", "writing-mode", "direction",
		"unicode-bidi", "glyph-orientation-vertical", "glyph-orientation-horizontal",
		"dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
		"offset", "stop-color", "stop-opacity",
		"gradientUnits", "gradientTransform", "spreadMethod",
		"patternUnits", "patternContentUnits", "patternTransform",
		"clipPathUnits", "maskUnits", "maskContentUnits",
		"markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
		"marker", "marker-start", "marker-mid", "marker-end",
		"filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode",
		"operator", "k1", "k2", "k3", "k4", "values", "type", "tableValues", "slope",
		"intercept", "amplitude", "exponent", "flood-color", "flood-opacity", "lighting-color",
		"radius", "baseFrequency", "numOctaves", "seed", "stitchTiles", "scale",
		"xChannelSelector", "yChannelSelector", "order", "kernelMatrix", "divisor", "bias",
		"targetX", "targetY", "edgeMode", "kernelUnitLength", "preserveAlpha",
		"surfaceScale", "diffuseConstant", "specularConstant", "specularExponent",
		"azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ", "limitingConeAngle",
		"systemLanguage", "requiredExtensions", "requiredFeatures":
		return true
	}
	return false
}

// compact is s lower-cased without the white space and control characters
// browsers skip inside a URL or a CSS keyword ("java\tscript:").
func compact(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r <= ' ' || r == 0x7f {
			continue
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

// safeHref allows a reference to a part of the same drawing (#id) in any
// element; an <image> may also show a raster image of the site (a path
// with no scheme) or one written into the file (data:image/png, jpeg,
// gif, webp); a link (<a>) may also lead to a page of the site or of the
// web (http, https, mailto). Nothing else: no javascript:, no data: that
// is a document, no drawing or font from another site.
func safeHref(el, v string) bool {
	c := compact(v)
	if c == "" || strings.HasPrefix(c, "#") {
		return true
	}
	scheme := ""
	if i := strings.IndexAny(c, ":/?#"); i > 0 && c[i] == ':' {
		scheme = c[:i]
	}
	switch el {
	case "image":
		if scheme == "" {
			return !strings.HasPrefix(c, "//") && !strings.Contains(c, "\\")
		}
		for _, t := range []string{"data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp"} {
			if strings.HasPrefix(c, t+";") || strings.HasPrefix(c, t+",") {
				return true
			}
		}
	case "a":
		switch scheme {
		case "":
			return !strings.Contains(c, "\\")
		case "http", "https", "mailto":
			return true
		}
	}
	return false
}

// safeValue refuses a presentation attribute that refers to anything but
// a part of the drawing (fill="url(#g)" is fine; url(http://…) loads a
// file), or that hides a word from these checks with a CSS escape.
func safeValue(v string) bool {
	return safeCSS(v)
}

// safeCSS refuses style text that loads other files or could: @import,
// url() other than url(#id), image-set(), CSS escapes (\75rl()) and the
// old script hooks of some browsers (expression(), behavior, binding).
func safeCSS(css string) bool {
	c := compact(css)
	if strings.ContainsAny(c, "\\<") {
		return false
	}
	for _, bad := range []string{"@import", "image-set(", "image(", "element(", "cross-fade(", "src(", "expression(", "behavior:", "-moz-binding", "javascript:"} {
		if strings.Contains(c, bad) {
			return false
		}
	}
	for rest := c; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return true
		}
		rest = rest[i+len("url("):]
		rest = strings.TrimLeft(rest, `"'`)
		if !strings.HasPrefix(rest, "#") {
			return false
		}
	}
}
