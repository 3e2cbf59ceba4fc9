// Command mock is the one upstream every system in the benchmark proxies to: a minimal
// OpenAI-compatible server on loopback that answers every chat completion with the same small
// JSON body after a fixed delay, so that the latency a gateway adds is the only difference.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

const models = `{"object":"list","data":[{"id":"bench-chat","object":"model","created":1700000000,"owned_by":"bench"}]}`

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	delay := flag.Duration("delay", 2*time.Millisecond, "fixed service time of every completion")
	flag.Parse()
	if host, _, err := net.SplitHostPort(*addr); err != nil || !net.ParseIP(host).IsLoopback() {
		log.Fatalf("mock: -addr must be a loopback address, was %q", *addr)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		path := strings.TrimPrefix(r.URL.Path, "/v1")
		switch {
		case r.Method == http.MethodGet && path == "/models":
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, models)
		case r.Method == http.MethodPost && path == "/chat/completions":
			// Drain the body so keep-alive connections are reused, as a real server would.
			io.Copy(io.Discard, r.Body)
			time.Sleep(*delay)
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, completion(time.Now().Unix()))
		case r.Method == http.MethodGet && (path == "/health" || path == "/healthz"):
			io.WriteString(w, "ok")
		default:
			http.Error(w, `{"error":{"message":"not found","type":"invalid_request_error"}}`, http.StatusNotFound)
		}
	})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("mock: %v", err)
	}
	fmt.Fprintf(os.Stdout, "mock listening on http://%s/v1 (delay %s)\n", ln.Addr(), *delay)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second}
	log.Fatal(srv.Serve(ln))
}

// completion is a fixed, valid OpenAI chat.completion with usage, 16 completion tokens.
func completion(created int64) string {
	return fmt.Sprintf(`{"id":"chatcmpl-bench","object":"chat.completion","created":%d,"model":"bench-chat",`+
		`"choices":[{"index":0,"message":{"role":"assistant","content":"This is a fixed reply from the benchmark mock upstream."},`+
		`"logprobs":null,"finish_reason":"stop"}],`+
		`"usage":{"prompt_tokens":24,"completion_tokens":16,"total_tokens":40}}`, created)
}
