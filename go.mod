module folio.dev/folio

go 1.26.0

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/yuin/goldmark v1.8.7
)

require golang.org/x/tools v0.52.0 // indirect
