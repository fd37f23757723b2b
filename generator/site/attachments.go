package site

import (
	"path"
	"strings"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/source"
)

// File is a file a page offers for download, with what a reader needs to
// know before clicking: its type and size.
type File struct {
	Title string
	URL   string
	Type  string // PDF, DOCX, XLSX, ...
	Size  int64
}

// attachments gives each page its attached files, and reports an attachment
// that is not in the page's folder.
func (s *Site) attachments(l *diag.List) {
	for _, p := range s.Pages {
		for _, a := range p.FM.Attachments {
			file, size, ok := p.Resource(a.File)
			if !ok {
				l.Add(source.KeyPos(p.Page, "attachments"), diag.FMAttachmentMissing, a.File, path.Dir(file))
				continue
			}
			title := a.Title
			if title == "" {
				title = path.Base(a.File)
			}
			p.Files = append(p.Files, File{Title: title, URL: p.ResourceURL(a.File), Type: strings.ToUpper(strings.TrimPrefix(path.Ext(a.File), ".")), Size: size})
		}
	}
}
