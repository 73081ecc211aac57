// Database and message-broker credentials: connection URLs with a password, JDBC URLs,
// ADO.NET / ODBC connection strings.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    /// `scheme://user:password@host`: the password is the secret; a password equal to the user
    /// name (`guest:guest`) is left out by the pattern itself (a back-reference in a lookahead).
    static func connectionURL(_ id: String, _ description: String, keywords: [String], scheme: String) -> ScanRule {
        ScanRule(
            id: id, description: description, keywords: keywords,
            pattern: #"(?i:"# + scheme + #")://(?<user>[^\s:@/"'`<>]{0,64}):(?!\k<user>@)(?<secret>[^\s@/"'`<>]{3,128})@[A-Za-z0-9_.\[\]-]"#,
            validate: { SecretHeuristics.isPlausiblePassword($0) })
    }

    /// The keys of an ADO.NET or ODBC connection string that say it is one.
    static let connectionKeys =
        #"(?i:server|data source|host|hostname|address|addr|uid|user id|userid|user|username|database|initial catalog|dsn|driver)"#

    static let databases: [ScanRule] = [
        connectionURL(
            "postgres-connection-url", "PostgreSQL connection URL with a password", keywords: ["postgres://", "postgresql://", "postgresql+", "postgres+"],
            scheme: #"postgres(?:ql)?(?:\+[a-z0-9]+)?"#),
        connectionURL(
            "mysql-connection-url", "MySQL or MariaDB connection URL with a password", keywords: ["mysql://", "mysql+", "mariadb://", "mariadb+", "mysqlx://"],
            scheme: #"(?:mysql|mysqlx|mariadb)(?:\+[a-z0-9]+)?"#),
        connectionURL(
            "mongodb-connection-url", "MongoDB connection URL with a password", keywords: ["mongodb://", "mongodb+srv://"],
            scheme: #"mongodb(?:\+srv)?"#),
        connectionURL(
            "redis-connection-url", "Redis or Valkey connection URL with a password", keywords: ["redis://", "rediss://", "valkey://", "valkeys://"],
            scheme: #"rediss?|valkeys?"#),
        connectionURL(
            "amqp-connection-url", "AMQP (RabbitMQ) connection URL with a password", keywords: ["amqp://", "amqps://"],
            scheme: #"amqps?"#),
        connectionURL(
            "mssql-connection-url", "SQL Server connection URL with a password", keywords: ["mssql://", "sqlserver://", "mssql+"],
            scheme: #"(?:mssql|sqlserver)(?:\+[a-z0-9]+)?"#),
        connectionURL(
            "oracle-connection-url", "Oracle or DB2 connection URL with a password", keywords: ["oracle://", "oracle+", "db2://", "ibm_db_sa://"],
            scheme: #"(?:oracle|db2|ibm_db_sa)(?:\+[a-z0-9]+)?"#),
        connectionURL(
            "clickhouse-connection-url", "ClickHouse, CockroachDB, Snowflake or TiDB connection URL with a password",
            keywords: ["clickhouse://", "clickhouse+", "cockroachdb://", "snowflake://", "tidb://"],
            scheme: #"(?:clickhouse|cockroachdb|snowflake|tidb)(?:\+[a-z0-9]+)?"#),
        connectionURL(
            "neo4j-connection-url", "Neo4j, Couchbase, Cassandra or CouchDB connection URL with a password",
            keywords: ["neo4j://", "neo4j+s://", "bolt://", "couchbase://", "couchbases://", "cassandra://", "couchdb://"],
            scheme: #"neo4j(?:\+s{1,2}c?)?|bolt|couchbases?|cassandra|couchdb"#),
        connectionURL(
            "broker-connection-url", "NATS, Kafka, MQTT or STOMP connection URL with a password",
            keywords: ["nats://", "kafka://", "mqtt://", "mqtts://", "stomp://"],
            scheme: #"nats|kafka|mqtts?|stomp"#),
        ScanRule(
            id: "jdbc-password", description: "Password in a JDBC URL (…;password=… or ?password=…)", keywords: ["jdbc:"],
            pattern: #"jdbc:[a-z0-9:]+[^\s"'`]*?[?&;](?i:password|pwd)=(?<secret>[^&;\s"'`]{3,128})"#,
            validate: { SecretHeuristics.isPlausiblePassword($0) }),
        // SQL that sets a password: MySQL / MariaDB `CREATE USER … IDENTIFIED BY '…'`, `GRANT …
        // IDENTIFIED BY`, `SET PASSWORD … = '…'`; PostgreSQL `CREATE ROLE … PASSWORD '…'`,
        // `ALTER USER … WITH PASSWORD '…'`: the statement's verb on the line, so that prose ("the
        // cord identified by 'cord'") is not SQL. A stored hash (`PASSWORD 'md5…'`,
        // `BY PASSWORD '*…'`) is not a password.
        ScanRule(
            id: "sql-password", description: "Password set in SQL (IDENTIFIED BY '…', WITH PASSWORD '…')",
            keywords: ["identified by", "identified with", "password '", "set password"],
            pattern:
                #"(?<![A-Za-z])(?i:(?:create|alter|grant)[ \t][^\x0d\x0a;]{0,300}?(?:identified[ \t]+(?:with[ \t]+[a-z0-9_]{1,40}[ \t]+)?by|[ \t]password)|set[ \t]+password[^\x0d\x0a;=]{0,200}=)[ \t]*'(?<secret>[^'\x0d\x0a]{3,128})'"#,
            confidence: .medium,
            validate: { SecretHeuristics.isPlausiblePasswordLiteral($0) }),
        // libpq keyword/value connection strings: `host=db user=app password=… dbname=app`, at the
        // start of a line, a string or a value (not keyword arguments: `user=None, password=…`).
        ScanRule(
            id: "libpq-connection-password", description: "Password in a PostgreSQL keyword/value connection string (host=… password=…)",
            keywords: ["password="],
            pattern:
                #"(?<![^"'=\x0a])(?:host|hostaddr|dbname|user|port|sslmode|service)=[^\s'"=,()]{1,200}(?:[ \t]+[a-z_]{2,30}=[^\s'"=,()]{0,200}){0,8}[ \t]+password='?(?<secret>[^\s'",()]{3,128})"#,
            validate: { SecretHeuristics.isPlausiblePassword($0) }),
        ScanRule(
            id: "connection-string-password", description: "Password in an ADO.NET or ODBC connection string (Password=…;)",
            keywords: ["password", "pwd"],
            // The password after a server, user or database key, or first with one after it
            // (`Password=…;Server=…`, `Pwd=…;Uid=…`).
            pattern:
                #"(?:"# + connectionKeys
                + #"[ \t]*=[^;\x0d\x0a]{1,200};[^\x0d\x0a]{0,300}?(?i:password|pwd)|(?<![A-Za-z0-9_.-])(?i:password|pwd)(?=[ \t]*=[ \t]*(?:\{[^}\x0d\x0a]{3,128}\}|[^;"'`\s]{3,128});[^\x0d\x0a]{0,300}?"#
                + connectionKeys + #"[ \t]*=))[ \t]*=[ \t]*(?<secret>\{[^}\x0d\x0a]{3,128}\}|[^;"'`\s]{3,128})"#,
            validate: { SecretHeuristics.isPlausiblePassword($0) }),
    ]
}

extension SecretHeuristics {
    /// Passwords people pick for local databases and brokers, and that documentation shows; not
    /// findings in a connection string.
    static let commonDevelopmentPasswords: Set<String> = [
        "postgres", "postgresql", "mysql", "mariadb", "mongo", "mongodb", "redis", "rabbitmq", "guest", "root", "admin",
        "user", "pass", "pwd", "sa", "oracle", "neo4j", "couchbase", "cassandra", "kafka", "nats", "tiger", "scott",
        "dbpass", "dbpassword", "db_password", "mypassword", "mysecret", "s3cr3t", "hunter2", "1234", "123456", "toor",
    ]

    /// A password in a connection string or URL: not a placeholder, a reference or a stock
    /// development password, and either mixed (two character classes) or long.
    public static func isPlausiblePassword(_ value: some StringProtocol) -> Bool {
        var text = String(value)
        if text.hasPrefix("{"), text.hasSuffix("}") { text = String(text.dropFirst().dropLast()) }
        let lower = text.lowercased()
        guard text.utf8.count >= 4, !commonDevelopmentPasswords.contains(lower) else { return false }
        if isPlaceholder(text) || isKnownExample(text) || isRepetitive(text) || hasLongSequence(text) { return false }
        if text.hasPrefix("$") || text.hasPrefix("%") || text.hasPrefix(":") || isDottedIdentifier(text) || isConstantName(text) {
            return false
        }
        return characterClassCount(text) >= 2 || text.utf8.count >= 12
    }
}
