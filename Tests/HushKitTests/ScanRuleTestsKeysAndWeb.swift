@testable import HushKit

// Unit samples of the private-key, database and web rules (fake values, never real keys).
extension RuleCases {
    static func pemBody(lines: Int = 4, salt: UInt64) -> String {
        (0..<lines).map { i in Fake.s(Fake.base64, 64, salt: salt &+ UInt64(i)) }.joined(separator: "\n")
    }

    static let privateKeys: [RuleCase] = [
        RuleCase(
            "private-key-pem",
            hits: [
                "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\(pemBody(salt: 1))\n-----END RSA PRIVATE KEY-----",
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\(pemBody(salt: 2))\n-----END PRIVATE KEY-----",
                #"  "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASC\#(pemBody(lines: 1, salt: 3))\n","#,
                "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,\(F.s(F.upperHex, 32))\n\n\(pemBody(lines: 2, salt: 4))\n-----END EC PRIVATE KEY-----",
            ],
            misses: [
                "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
                "if line.hasPrefix(\"-----BEGIN PRIVATE KEY-----\") { return true }",
                "-----BEGIN PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE\n-----END PRIVATE KEY-----",
                "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\(pemBody(lines: 2, salt: 5))\n-----END PUBLIC KEY-----",
                "-----BEGIN PRIVATE KEY-----\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END PRIVATE KEY-----",
            ]),
        RuleCase(
            "openssh-private-key",
            hits: [
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n\(pemBody(lines: 3, salt: 6))\n-----END OPENSSH PRIVATE KEY-----"
            ],
            misses: [
                "-----BEGIN OPENSSH PRIVATE KEY-----\n<your key>\n-----END OPENSSH PRIVATE KEY-----",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI\(F.s(F.base64, 43)) me@host",
            ]),
        RuleCase(
            "pgp-private-key",
            hits: [
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\nComment: deploy key\n\nlQOYBF\(pemBody(lines: 3, salt: 7))\n=\(F.s(F.base64, 4))\n-----END PGP PRIVATE KEY BLOCK-----"
            ],
            misses: [
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF\(pemBody(lines: 2, salt: 8))\n-----END PGP PUBLIC KEY BLOCK-----",
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n...\n",
            ]),
        RuleCase(
            "ssh2-private-key",
            hits: [
                "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key-20240101\"\nP2/56wAAA\(pemBody(lines: 3, salt: 9))\n---- END SSH2 ENCRYPTED PRIVATE KEY ----"
            ],
            misses: [
                "---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2E\(pemBody(lines: 2, salt: 10))\n---- END SSH2 PUBLIC KEY ----",
                "---- BEGIN SSH2 PRIVATE KEY ----\n\n",
            ]),
        RuleCase(
            "putty-private-key",
            hits: [
                "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAI\(F.s(F.base64, 40))\n\(F.s(F.base64, 20))\nPrivate-Lines: 1\nAAAAI\(F.s(F.base64, 43))\nPrivate-MAC: \(F.s(F.hex, 64))"
            ],
            misses: ["Private-Lines: 1\n<private part>", "Private-Lines: 14\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "age-secret-key",
            hits: ["AGE-SECRET-KEY-1\(F.s("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58))"],
            misses: [
                "AGE-SECRET-KEY-1\(F.s("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 20))",
                "# AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
            ]),
        RuleCase(
            "json-private-key-field",
            hits: [#"{"private_key": "\#(F.s(F.base64, 320))"}"#],
            misses: [#"{"private_key": "see vault"}"#, #"{"privateKey": "\#(F.s(F.base64, 60))"}"#]),
    ]

    static let databases: [RuleCase] = [
        RuleCase(
            "postgres-connection-url",
            hits: ["DATABASE_URL=postgres://app:\(F.s(F.alnum, 20))@db.internal:5432/prod", "postgresql+psycopg2://svc:\(F.s(F.alnum, 16))@10.0.0.5/app"],
            misses: [
                "postgres://postgres:postgres@localhost:5432/db", "postgres://user:password@localhost/db", "postgres://app:${DB_PASSWORD}@db/prod",
                "postgres://localhost/db",
            ]),
        RuleCase(
            "mysql-connection-url", hits: ["mysql://root:\(F.s(F.alnum, 14))@mysql.prod:3306/shop"],
            misses: ["mysql://root:root@localhost/test", "mysql://user:<password>@host/db"]),
        RuleCase(
            "mongodb-connection-url", hits: ["MONGO_URI=mongodb+srv://api:\(F.s(F.alnum, 18))@cluster0.ab1cd.mongodb.net/app?retryWrites=true"],
            misses: ["mongodb+srv://<username>:<password>@cluster0.mongodb.net/", "mongodb://admin:changeme@localhost"]),
        RuleCase(
            "redis-connection-url",
            hits: ["REDIS_URL=redis://:\(F.s(F.alnum, 24))@redis.prod:6379/0", "rediss://default:\(F.s(F.alnum, 32))@cache.example.net:6380"],
            misses: ["redis://localhost:6379/0", "redis://:password@localhost:6379"]),
        RuleCase(
            "amqp-connection-url", hits: ["AMQP_URL=amqps://orders:\(F.s(F.alnum, 20))@mq.prod:5671/vhost"],
            misses: ["amqp://guest:guest@localhost:5672/", "amqp://user:pass@localhost"]),
        RuleCase(
            "mssql-connection-url", hits: ["mssql+pyodbc://sa:\(F.s(F.alnum, 12))9!@sql.prod/app?driver=ODBC"],
            misses: ["mssql://sa:<password>@localhost", "sqlserver://localhost:1433"]),
        RuleCase(
            "oracle-connection-url", hits: ["oracle+cx_oracle://scott:\(F.s(F.alnum, 14))@ora.prod:1521/ORCL"],
            misses: ["oracle://scott:tiger@localhost:1521/xe", "oracle://localhost"]),
        RuleCase(
            "clickhouse-connection-url", hits: ["clickhouse://default:\(F.s(F.alnum, 20))@ch.prod:9000/events"],
            misses: ["clickhouse://localhost:9000", "clickhouse://default:@localhost"]),
        RuleCase(
            "neo4j-connection-url", hits: ["NEO4J_URI=neo4j+s://neo4j:\(F.s(F.alnum, 20))@abc123.databases.neo4j.io"],
            misses: ["neo4j://neo4j:neo4j@localhost:7687", "bolt://localhost:7687"]),
        RuleCase(
            "broker-connection-url", hits: ["NATS_URL=nats://svc:\(F.s(F.alnum, 18))@nats.prod:4222"],
            misses: ["nats://localhost:4222", "mqtt://user:password@broker"]),
        RuleCase(
            "jdbc-password", hits: ["url=jdbc:mysql://db.prod:3306/shop?user=app&password=\(F.s(F.alnum, 16))"],
            misses: ["jdbc:mysql://localhost/test?user=root&password=", "jdbc:postgresql://db/app?password=${DB_PASS}"]),
        RuleCase(
            "sql-password",
            hits: [
                "CREATE USER 'app'@'%' IDENTIFIED BY 'Sh0pKeeper!';", "GRANT ALL ON shop.* TO 'etl'@'10.%' IDENTIFIED BY 'etlLoad42';",
                "ALTER USER reporting WITH PASSWORD 'r3portsQ3';", "CREATE ROLE api LOGIN PASSWORD 'ap1Role77';",
                "SET PASSWORD FOR 'root'@'localhost' = 'r00tMysql9';",
                "ALTER USER 'x'@'%' IDENTIFIED WITH mysql_native_password BY 'n4tivePw';",
            ],
            misses: [
                "CREATE USER 'app'@'%' IDENTIFIED BY '';", "ALTER USER api WITH PASSWORD 'md5\(F.s(F.hex, 32))';",
                "CREATE USER 'x'@'%' IDENTIFIED BY PASSWORD '*\(F.s(F.upperHex, 40))';", "ALTER ROLE app PASSWORD NULL;",
                "CREATE USER 'app'@'%' IDENTIFIED BY '${DB_PASSWORD}';", "CREATE USER app WITH PASSWORD 'changeme';",
                "// Maybe sample the cord identified by 'cord' for method 'method'.",
            ]),
        RuleCase(
            "libpq-connection-password",
            hits: [
                "conn = psycopg2.connect(\"host=db.internal dbname=app user=app password=\(F.s(F.alnum, 14))7\")",
                "$db = pg_connect(\"host=10.0.0.5 port=5432 dbname=shop user=shop password='\(F.s(F.alnum, 12))7'\");",
            ],
            misses: [
                "def __init__(self, host, port=NNTP_PORT, user=None, password=None,", "login(user=baduser, password=badpw, usenetrc=False)",
                "host=localhost user=postgres password=postgres", "host=db user=app password=${PGPASSWORD}", "password=\(F.s(F.alnum, 14))",
            ]),
        RuleCase(
            "connection-string-password",
            hits: [
                "\"Default\": \"Server=sql.prod;Database=app;User Id=api;Password=\(F.s(F.alnum, 14))8;\"",
                "Password=\(F.s(F.alnum, 12))7;Persist Security Info=True;User ID=sa;Initial Catalog=ops;Data Source=sql01",
                "Driver={ODBC Driver 18 for SQL Server};Server=sql01;Uid=ops;Pwd={\(F.s(F.alnum, 12))7;x};",
            ],
            misses: [
                "Server=localhost;Database=app;User Id=sa;Password=<YourStrong@Passw0rd>;", "Password=\(F.s(F.alnum, 14))",
                "Password=\(F.s(F.alnum, 14));Timeout=30", "password=${DB_PASSWORD};server=db",
            ]),
    ]

    static let web: [RuleCase] = [
        RuleCase(
            "jwt", hits: ["Authorization: Bearer \(F.jwt())", "const token = \"\(F.jwt())\";"],
            misses: [
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
                "eyJ\(F.s(F.base64url, 20)).eyJ\(F.s(F.base64url, 20)).\(F.s(F.base64url, 30))",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhYmMifQ.",
            ]),
        RuleCase(
            "authorization-bearer", hits: ["curl -H \"Authorization: Bearer \(F.s(F.alnum, 40))\" https://api.example.com"],
            misses: ["Authorization: Bearer <token>", "Authorization: Bearer $TOKEN", "Authorization: Bearer YOUR_ACCESS_TOKEN_HERE"]),
        RuleCase(
            "authorization-basic", hits: ["Authorization: Basic \(dockerAuth("svc-deploy", F.s(F.alnum, 20)))"],
            misses: ["Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic <credentials>"]),
        RuleCase(
            "url-credentials", hits: ["proxy: http://svc:\(F.s(F.alnum, 16))@proxy.corp:3128", "ftp://deploy:\(F.s(F.alnum, 14))@ftp.example.org/uploads"],
            misses: ["https://user:password@example.com", "https://example.com:8443/path", "http://localhost:8080"]),
        RuleCase(
            "curl-user-password", hits: ["curl -u admin:\(F.s(F.alnum, 16)) https://jenkins.example.org/api/json"],
            misses: ["curl -u $USER:$PASS https://api", "curl -u user:password https://api"]),
    ]
}
