package config

// corpus: fake values
	Password: "oporto397!",
	dbPass := "Cobalt320"
	os.Setenv("PGPASSWORD", "Nimbus064")
	req.SetBasicAuth("api", "W@-!?!135")
