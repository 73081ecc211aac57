	Credential: &syscall.Credential{Uid: uid, Gid: gid},
	Password: cfg.Password,
	password := os.Getenv("PGPASSWORD")
	ekuOIDs[OID_EKU_SBGP_CERT_AA_SERVICE_AUTH] = oidExtKeyUsageSbgpCertAaServiceAuth
	if token == expectedToken {
type Credentials struct { Password string }
