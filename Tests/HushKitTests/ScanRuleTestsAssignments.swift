import Testing

@testable import HushKit

// Unit samples of the assignment rules: password literals in many languages and config
// syntaxes, and the look-alikes (identifiers, references, placeholders, labels, types) that
// share their shape. Every value is made up.
extension RuleCases {
    static let assignments: [RuleCase] = [
        RuleCase(
            "password-assignment",
            hits: [
                // Python, JS/TS, Go, Java, C#, Ruby, PHP, shell.
                "DB_PASSWORD = 'admin123'", "db_pass: 'A,.:-¨@*¿?!'", "conn = psycopg2.connect(host=h, password=\"Rrhh1234\")",
                "const dbPassword = \"kermit77\";", "let adminPass = 'Winter2024!';", "\tpassword := \"gopher42\"",
                "\tPassword: \"s3rv1ce\",", "private static final String DB_PASSWORD = \"oracle11g\";",
                "string password = \"Hola1234\";", "if (password == \"letmein42\") {", "if (pass === 'Zq!7wp') {",
                "if password.equals(\"tr0ub4dor\") {", "  :password => 'rubyist9',", "config.password = \"m00nsh1ne\"",
                "define('DB_PASSWORD', 'admin');", "define( 'DB_PASSWORD', 'wp4ever' );", "$db_pass = 'mysqlpw1';",
                "$config['smtp']['pass'] = 'mailer77';", "export MYSQL_ROOT_PASSWORD=r00tpw", "DB_PASSWORD=admin123",
                "props.put(\"mail.smtp.password\", \"Sm7pPass\");", "os.Setenv(\"PGPASSWORD\", \"pg4life\")",
                // YAML, JSON, INI, TOML, XML, properties.
                "  password: hunter22", "  \"password\": \"correcthorse9\",", "Password=Ventr1lo", "password = \"t0mlpass\"",
                "<password>xmlpass1</password>", "<property name=\"x\" password=\"attrpw88\"/>", "spring.datasource.password=sp1ngpw",
                "smtp_pwd: \"qwe!rty7\"", "$dbpasswd = 'phpAdm1n';", "adminpass: 'Tr0mb0ne'", "userPassword : \"robo#mongo\"", "AdminPassword=serveradmin5",
                "<add key=\"DbPassword\" value=\"kestrel88\" />",
                // Punctuation inside a literal: not a dotted, format or sigil reference.
                "define( 'DB_PASSWORD', 'A.UX8BIL7EZyJ29Z' );", "password: \"*NmkvbRlv1Da\"", "bind_password = !CCE7DibTTe6OML",
                "password = 'mbO5%Kil1809'", "\"password\": \"Azu33YY%asBi\"", "password: \"&Xk2pq9Lw\"", "password: '@Rt7xq!2'",
                "DB_PASS=\"/Xk9!q2r\"", "password = \"rWkt2U.qcM1VhU8H\"",
                // A placeholder word plus digits: a weak password someone picked.
                "password = \"secret123\"", "password: 'P@ssw0rd1'", "\"db.password\": \"pass456\"", "PASSWORD=2024password",
            ],
            misses: [
                "password: ${DB_PASSWORD}", "password = $DB_PASSWORD", "password = \"%(db_password)s\"", "password: \"{{ db_password }}\"",
                "password = os.environ[\"DB_PASSWORD\"]", "password = os.getenv(\"DB_PASSWORD\")", "const password = process.env.DB_PASSWORD;",
                "password = ENV[\"DB_PASSWORD\"]", "<password>${env.DB_PASSWORD}</password>", "password: \"***\"", "password: xxxxxxxx",
                "password: changeme", "password: your_password", "password: password", "password: null", "password = None",
                "password: true", "password: \"\"", "PASSWORD=", "\tCredential: &syscall.Credential{Uid: uid, Gid: gid},",
                "password: String", "var passwordField: UITextField", "password = getpass()", "password = getPassword()",
                "\"password\": \"Password\"", "\"password\": \"Contraseña\"", "\"password\": \"Mot de passe\"", "password_label: \"Password:\"",
                "if password == confirm_password:", "if (password === other) {", "password = user_password",
                "fields = ('username', 'password', 'first_name')", "[\"password\", \"email\"]", "password_hash = \"$2b$12$abcdefghij\"",
                "compass = 'north-west'", "bypass = 'yes-always'", "Bypass: 'route-b7'", "surpass = 'goal-9x'", "passenger_name = 'Ada Lovelace'",
                "password_min_length: 12",
                "password: !vault |", "password: *default_password", "password: '<your password here>'", "password = f\"{prefix}{suffix}\"",
                "\tPassword: cfg.Password,", "pwd = os.getcwd()", "password: \"$2y$10$\(F.s(F.base64, 53))\"", "password = 123456",
                "password: abcd1234", "password: \"abc123\"", "printf(\"%s \", ret ? \"pass\" : \"FAIL\");",
                "public static let invalidPassword: Code = \"28P01\"", "let password = \"md522d085ed8dc3377968dc1c1a40519a2a\"",
                "let password = \"postgres\"", "password: \"HBTests\"", "KEYPASSWD: Final = 10026",
                "NTE_INCORRECT_PASSWORD: Final = -2146893773",
                "btype : {'lowpass', 'highpass', 'bandpass', 'bandstop'}, optional", "'pass': 'bandpass',", "elif pass_zero in ('bandpass', 'highpass'):",
                "\"\"\", 'password', '\\xa1\\xa2')", "('http', 'user/name', 'password', 'localhost:22')),", "test_password = 'blah'",
                "smtp.password = 'doesnotexist'", "KEY_PASSWORD = \"somepass\"", "\"KeyStorePassword\": \"kmsPswd\",",
                ";*passwd:*all*authentication*tokens*updated*successfully*",
                "\"passphrase\": \"AB1C2defGHijkLMNo3PqQRstUvwxyzaCBDEfghh4ijklMN5opqrStuVWxyzAbCDEfghIJ\"", "password: \"irrelevant\",",
                "password = \"%s\"", "password = \"user_%d\"", "password = settings.db.password",
                "password: \"config.password\"", "password = \"/run/secrets/db_password\"", "password: !secret", "password: *dbPassword",
                "password: 'P@ssw0rd'", "password = \"Passw0rd!\"", "password = \"mysecret\"", "password = \"test123\"", "password = \"dummy_pw9\"",
                "password = \"${DB_PASSWORD:-x}\"", "password = \"%(pw)s\"",
                ".basic(username: \"aladdin\", password: \"opensesame\")", "'password' => 'required|min:8',", "password: Пароль",
                "  password: cGFzc3dvcmQ=", "<add key=\"PasswordPolicy\" value=\"strong9\" />",
            ]),
        RuleCase(
            "password-comparison",
            hits: [
                "    if request.args.get(\"token\") == \"letmein2021\":", "if (params[\"password\"] === 'Hx9!wq2') {",
                "if (req.getParameter(\"pwd\").equals(\"tomcat42\")) {", "if headers['X-Api-Key'] != 'k3yMaster9':",
            ],
            misses: [
                "if request.args.get(\"token_type\") == \"bearer\":", "if params[\"password\"] == \"\":", "if request.args.get(\"token\") == expected:",
                "if params[\"csrf_token\"] == \"abc9xyz7\":", "if (req.headers[\"x-api-key\"] === process.env.KEY) {",
                "if params[\"password\"] == \"changeme\":", "if form.get(\"username\") == \"admin42\":",
            ]),
        RuleCase(
            "password-entry",
            hits: [
                "{\"key\": \"adminPassword\", \"value\": \"gXt.0QlaCNzFDk\", \"type\": \"secret\"}",
                "        \"name\": \"DB_PASSWORD\",\n        \"value\": \"kermit77\"", "- {'name': 'SMTP_PASS', 'value': 'mailer77'}",
            ],
            misses: [
                "{\"name\": \"DB_PASSWORD\", \"value\": \"${DB_PASSWORD}\"}", "{\"name\": \"DB_PASSWORD\", \"valueFrom\": {\"secretKeyRef\": {}}}",
                "{\"key\": \"password\", \"value\": \"changeme\"}", "{\"key\": \"passwordPolicy\", \"value\": \"strong9\"}",
                "\"name\": \"DB_PASSWORD\",\n\n        \"value\": \"kermit77\"", "{\"key\": \"password\", \"value\": \"{{password}}\"}",
            ]),
        RuleCase(
            "dotenv-password",
            hits: ["DB_PASSWORD=root", "export RABBITMQ_PASS=guest", "MYSQL_ROOT_PASSWORD=toor", "POSTGRES_PASSWORD=postgres"],
            misses: [
                "DB_PASSWORD=changeme", "DB_PASSWORD=password", "DB_PASSWORD=null", "DB_PASSWORD_FILE=secrets", "# DB_PASSWORD=root",
                "DB_PASSWORD=", "echo DB_PASSWORD=root", "DB_PASSWORD=required",
            ]),
        RuleCase(
            "password-argument",
            hits: [
                "var entry = new DirectoryEntry(url, user, \"Rrhh1234\");", "new NetworkCredential(\"svc\", \"N3tCred!\")",
                "DriverManager.getConnection(url, \"sa\", \"jdbcPw42\");", "$link = mysqli_connect($host, 'root', 'phpMy42');",
                "smtp.login(user, \"mailPw77\")", "auth = HTTPBasicAuth('api', 'b4sicAuth')", "ds.setPassword(\"dsPass12\");",
                "builder.withPassword('bu1lder')", "new PasswordAuthentication(user, \"javaMail1\".toCharArray())",
                "ldap_bind($ds, $dn, 'ld4pBind');", "conn.simple_bind_s(\"cn=admin,dc=example,dc=org\", \"sl4pd!x\")",
                "client.Authenticate(\"mailer\", \"m4ilKit9\");", "new UsernamePasswordAuthenticationToken(\"svc\", \"spr1ngSec\")",
            ],
            misses: [
                "new DirectoryEntry(url, user, password)", "new NetworkCredential(user, pass)", "smtp.login(user, \"\")",
                "ds.setPassword(System.getenv(\"DB_PASSWORD\"));", "ds.setPassword(\"${db.password}\")", "client.login(user, \"changeme\")",
                "setPassword(\"password\")",
            ]),
        RuleCase(
            "password-flag",
            hits: [
                "mysql -u root -pk3rmit shop < dump.sql", "./deploy.sh --password orchid42 --env prod", "sshpass -p 'Zephyr99' ssh ops@host",
                "docker login -u ci -p nimbus77 registry.example.net", "redis-cli -h cache -a r3disPw ping", "tool --passphrase=toucan11",
            ],
            misses: [
                "mysql -u root -p\"$MYSQL_ROOT_PASSWORD\" app", "mysql -u root -p shop", "docker login --password-stdin",
                "./deploy.sh --password \"${DEPLOY_PASSWORD}\"", "--password <password>", "--password PASSWORD", "mysql -h db -P 3306 app",
                "sshpass -p \"$PW\" ssh host", "--password-file /run/secrets/pw", "# The --username and --password options can't be used",
            ]),
    ]
}

@Suite struct PasswordLiteralTests {
    @Test func plausibleLiterals() {
        for value in ["admin123", "admin", "Rrhh1234", "A,.:-¨@*¿?!", "hunter22", "pg4life", "Kb7#2x"] {
            #expect(SecretHeuristics.isPlausiblePasswordLiteral(value), "\(value)")
        }
    }

    @Test func notPasswords() {
        for value in [
            "", "abc", "password", "Password", "changeme", "your_password", "<password>", "${PASS}", "$PASS", "%(pw)s", "{{ pw }}",
            "***", "xxxx", "null", "None", "true", "Enter your password", "Contraseña", "Password:", "first_name", "123456",
            "abcdef", "qwerty", "abc123", "123987", "190783", "-2146893773", "localhost:22", "somepass", "&cfg.Password", "*default",
            "$2b$12$abcdefghijklmnopqrstuv", "{0}", "aaaa", "settings.password",
        ] {
            #expect(!SecretHeuristics.isPlausiblePasswordLiteral(value), "\(value)")
        }
    }

    @Test func camelCaseIdentifiers() {
        #expect(SecretHeuristics.isCamelCaseIdentifier("oidExtKeyUsageSbgpCertAaServiceAuth"))
        #expect(SecretHeuristics.isCamelCaseIdentifier("PasswordField"))
        #expect(!SecretHeuristics.isCamelCaseIdentifier("kHqWzPbNxRtLmVcYsDfG"))
        #expect(!SecretHeuristics.isCamelCaseIdentifier("aZ3kQ9"))
    }

    /// The Go code base that flagged identifiers as values: no finding of any assignment rule.
    @Test func goIdentifiersAreNotValues() {
        let text = """
            \tCredential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)},
            \tekuOIDs[OID_EKU_SBGP_CERT_AA_SERVICE_AUTH] = oidExtKeyUsageSbgpCertAaServiceAuth
            \tif token == expectedToken {
            """
        let found = RuleMatcher.findings(in: text).filter { ["generic", "assignments"].contains(ScanRules.family(of: $0.rule)) }
        #expect(found.isEmpty, "\(found.map(\.rule))")
    }

    /// Where the punctuation of a password reads as a reference, and where it does not.
    @Test func referencesArePrecise() {
        for value in [
            "settings.db.password", "config.password", "cfg.Db.Password", "IOUtils.toString", "process.env.DB_PASS", "oauth2Client.token",
        ] {
            #expect(SecretHeuristics.isDottedIdentifier(value, precise: true), "\(value)")
        }
        for value in ["gXt.0QlaCNzFDk", "A.UX8BIL7EZyJ29Z", "H1V2DWXMNAVJ.O4O", "Y5Qefmh.EwyR", ".jaieQWxwWKhwv9f0E07", "A.UX8Hyorvw7"] {
            #expect(!SecretHeuristics.isDottedIdentifier(value, precise: true), "\(value)")
        }
        // Other rules keep the wide reading: a JWT cut after its payload is not a token.
        #expect(SecretHeuristics.isDottedIdentifier("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0"))
        #expect(SecretHeuristics.isDottedIdentifier("ASN1.SEC1PrivateKey"))
        for value in ["%s", "%d", "user_%d", "%s:%s", "%(name)s", "%-10s", "%1$s", "%@"] {
            #expect(SecretHeuristics.isFormatString(value), "\(value)")
        }
        for value in ["mbO5%Kil1809", "Azu33YY%asBi", "etL06ay%dMaB", "r85lJKejLW%u", "100%"] {
            #expect(!SecretHeuristics.isFormatString(value), "\(value)")
        }
        #expect(SecretHeuristics.isPlausiblePasswordLiteral("*f4KISfnlLjByN", quoted: true))
        #expect(SecretHeuristics.isPlausiblePasswordLiteral("*f4KISfnlLjByN"))
        #expect(!SecretHeuristics.isPlausiblePasswordLiteral("*defaults"))
        #expect(!SecretHeuristics.isPlausiblePasswordLiteral("!secret"))
    }

    /// The placeholder line: the name's word alone (any spelling) is a placeholder, the word
    /// with digits a weak password, a word that says "fake" a placeholder whatever follows.
    @Test func placeholderLine() {
        for value in ["secret123", "P@ssw0rd1", "password123", "2024secret", "Mysecret9", "admin123"] {
            #expect(SecretHeuristics.isPlausiblePasswordLiteral(value), "\(value)")
        }
        for value in [
            "secret", "P@ssw0rd", "Passw0rd!", "s3cr3t", "mysecretpassword", "test123", "dummy2024", "example1", "your_password1", "prod-secret-1", "secret_02",
        ] {
            #expect(!SecretHeuristics.isPlausiblePasswordLiteral(value), "\(value)")
        }
    }

    /// In a dotenv file a password literal is medium (the pre-commit hook stops it) and a bare
    /// word or a service default is reported at low; in code the literal stays low and the bare
    /// word is not reported.
    @Test func dotenvConfidence() throws {
        let engine = try ScanEngine(rules: ScanRules.all)
        let text = Array("DB_PASSWORD=admin123\nREDIS_PASSWORD=root\n".utf8)
        let inDotenv = engine.scan(text, path: "app/.env.production").findings.filter { $0.rule != ScanFinding.plaintextDotenvRule }
        #expect(inDotenv.map(\.rule) == ["password-assignment", "dotenv-password"])
        #expect(inDotenv.map(\.confidence) == [.medium, .low])
        let inCode = engine.scan(text, path: "settings.sh").findings
        #expect(inCode.map(\.rule) == ["password-assignment"])
        #expect(inCode.map(\.confidence) == [.low])
    }

    @Test func confidence() throws {
        let byID = RuleMatcher.rulesByID
        #expect(try #require(byID["password-assignment"]).confidence == .low)
        #expect(try #require(byID["password-argument"]).confidence == .low)
        #expect(try #require(byID["generic-secret"]).confidence == .medium)
    }

    /// A random value under a password name is reported once, by `generic-secret` (medium), not
    /// again as a password literal: the engine keeps the rule listed first.
    @Test func randomPasswordIsGenericSecret() throws {
        let engine = try ScanEngine(rules: ScanRules.all)
        let findings = engine.scan(Array("DB_PASSWORD=\(F.s(F.alnum, 24))\nDB_PASSWORD=admin123\n".utf8), path: "app.env").findings
        #expect(findings.map(\.rule) == ["generic-secret", "password-assignment"], "\(findings.map(\.rule))")
    }

    private typealias F = Fake
}
