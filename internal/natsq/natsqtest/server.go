// Package natsqtest starts the NATS server the queue consumer's tests run
// against: the server's own Go module, in the test's process, so no test
// needs a server installed or a network.
package natsqtest

import (
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// StartServer starts a NATS server with JetStream storing in a temporary
// folder, on a free loopback port, stopped when the test ends; it returns
// the URL clients connect to.
func StartServer(t testing.TB) string {
	t.Helper()
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	t.Cleanup(s.Shutdown)
	// A wait for a condition, not a race: the bound only ends the wait
	// for a server that never comes up.
	if !s.ReadyForConnections(time.Minute) {
		t.Fatal("the embedded NATS server did not start")
	}
	return s.ClientURL()
}
