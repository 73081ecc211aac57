package config

// corpus: fake values
var Settings = map[string]string{
	BLOB_SAS_URL: "https://acme.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2031-01-01T00:00:00Z&spr=https&sig=rdrkz1azLDcppfVhPKLWYJ3u0HbbFBQasuMA0hlbvB0%3D",
	DATABRICKS_TOKEN: "dapib5505eb7c89ed36a77c4925ec0995d4d",
	BUILDKITE_API_TOKEN: "bkua_73ca3a136fc60734db484e63290c0523e1558d05",
	MISTRAL_API_KEY: "TNhXjvErPNGBXjbBaZyptOVz1OdE2ONL",
	AWS_SESSION_TOKEN: "IQoJb3JpZ2luX2VjExoihfmKkK6cKzX9JRsfipinI/syGD0kKEoTyKZXt4v7ExnG6Jap1LNKNGx0zN8/n64bDqwjfwkpyKv5bKfGJansfSpWInccmxPabYP78ZJXCvzJYtJGvyhTJgTEr4L4zo4AUAyYVUS9dRjEh1SVPsFYWtEBeR+c5Oa6g68TctnHM2BorOoDJY82aj8dFyAoKGS6H5Kf7lzu5IgbWhZDxhIQ+F8hHiMx5l6aard9cF5u1ooQ2xLl/T42wCyCI17B/niJHdvBEFmxuZ4uPa1YKBoja2YBIO1iG1/BntUdTuvqBn6pSlTB/2Ls8GQ4cD+Bx==",
	SLACK_WEBHOOK_URL: "https://hooks.slack.com/services/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",
	DOCKERHUB_TOKEN: "dckr_pat_-kQhlNE528ulOkpYvIhZwZgSFZZ",
}
