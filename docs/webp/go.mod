module folio.dev/folio/docs/webp

go 1.26.0

require (
	github.com/gen2brain/webp v0.5.5
	golang.org/x/image v0.47.0
)

require (
	github.com/ebitengine/purego v0.8.3 // indirect
	github.com/tetratelabs/wazero v1.9.0 // indirect
)
