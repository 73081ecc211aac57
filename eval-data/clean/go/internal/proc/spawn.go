package proc

import (
	"crypto/x509"
	"os/exec"
	"syscall"
)

// Credentials are looked up in the secret store at run time.
type Credentials struct {
	Username string
	Password string `json:"-"`
	Token    string
}

func Spawn(path string, uid, gid uint32) *exec.Cmd {
	cmd := exec.Command(path)
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Credential: &syscall.Credential{Uid: uid, Gid: gid},
	}
	return cmd
}

var extKeyUsages = map[string]x509.ExtKeyUsage{
	"serverAuth": x509.ExtKeyUsageServerAuth,
	"clientAuth": x509.ExtKeyUsageClientAuth,
}

func (c Credentials) Valid() bool { return c.Password != "" && c.Token != "" }
