// Assignments: a value given to a password-like or secret-like name, in every syntax the scan
// reads. One builder (`ScanRules.assignment(names:boundary:value:)`) writes the name, the
// operator and the value for all of them; the rules differ only in which names they take and
// how the value is judged.
//
// - `generic-secret` (in Generic.swift, medium): a secret-sounding name (`token`, `api_key`,
//   `client_secret`, `password`, …) and a value that looks generated.
// - `password-assignment` (low): a password-like name (`password`, `passwd`, `pwd`, `pass`,
//   `passphrase`, in any case and with any prefix: `DB_PASSWORD`, `dbPass`, `smtp.pass`) and a
//   literal a person may have picked (`admin123`, `A,.:-¨@*¿?!`): not random, but not a
//   placeholder, reference, label or type either. When the value also looks generated,
//   `generic-secret` reports it instead (it is listed first), at medium confidence.
// - `password-argument` (low): a string literal passed where an API documents the password
//   (`new NetworkCredential(user, "…")`, `DriverManager.getConnection(url, user, "…")`,
//   `setPassword("…")`).
// - `password-flag` (low): a password literal on a command line, where the tool documents the
//   option as the password (`--password …`, `mysql -p…`, `sshpass -p …`, `docker login -p …`,
//   `redis-cli -a …`). Random values there are `generic-password-flag`'s (medium).
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    /// Password-like names, longest alternatives first.
    static let passwordNames = #"passwd|password|passwort|passphrase|passcode|pword|pwd|pass"#

    /// Before a password-like name: anything (`dbpass`, `DB_PASSWORD`, `userPassword`) but the
    /// start of a word that merely contains it (`compass`, `bypass`, `trespass`, `surpass`,
    /// `overpass`, `underpass`, and the filters `bandpass`, `lowpass`, `highpass`, `allpass`), a path (`/etc/passwd`), or a name for a wrong one
    /// (`invalidPassword`, `wrong_password`: test data).
    static let wordStart =
        #"(?<![/\\])(?<![Cc]om|COM|[Bb]y|BY|[Tt]res|TRES|[Ss]ur|SUR|[Oo]ver|OVER|[Uu]nder|UNDER|[Bb]and|[Ll]ow|[Hh]igh|[Aa]ll|[Ii]nvalid|[Ii]nvalid_|INVALID_|[Ww]rong|[Ww]rong_|WRONG_)"#

    /// Between an assignment's name and its value, in every syntax the assignment rules read:
    /// - assigned: `name = v`, `name: v`, `"name": "v"`, `NAME=v`, `name := v`, `name => 'v'`,
    ///   `<name>v</name>`, `ENV["NAME"] ||= "v"`, `password: str = "v"` (a type annotation);
    /// - compared with a literal: `name == "v"`, `name !== 'v'`, `name.equals("v")`;
    /// - a quoted name then a literal as the last argument or pair member (a `)` or `}` follows):
    ///   `define('DB_PASSWORD', 'v')`, `props.put("password", "v")`, `{ "Password", "v" }`;
    ///   a list of names (`["password", "email"]`) is not a value;
    /// - an XML key/value pair: `<add key="DbPassword" value="v"/>`.
    /// Comparisons and arguments need the literal's opening quote, so `password == other` is not
    /// a value.
    static let assignmentOperator =
        #"(?:["'`]?\]?(?:[ \t]*:[ \t]*[A-Za-z_][A-Za-z0-9_.?]{0,30}(?=[ \t]*=))?[ \t]{0,4}(?:=|:=|:|=>|\?=|\|\|=|\?\?=|>)[ \t]{0,4}["'`]?"#
        + #"|[ \t]{0,4}(?:===?|!==?)[ \t]{0,4}["'`]|\.(?:equals|Equals|equalsIgnoreCase|EqualsIgnoreCase)\([ \t]*["'`]"#
        + #"|["'`][ \t]*,[ \t]*["'`](?=[^"'`\x0d\x0a]{1,200}["'`][ \t]*[)}])|["'][ \t]+(?i:value)[ \t]*=[ \t]*["'])"#

    /// The value of a password assignment: the text of a quoted literal (from the opening quote
    /// to the next quote), or an unquoted value that ends its line (before an optional comment
    /// or an XML closing tag), does not end with `,` or `;` (code) and is more than a bare word (`None`, `String`, `user_password`
    /// are names, not passwords). An unquoted value never starts with `&`: in a query string
    /// (`password=&remember=1`) that is the next field, the password is empty.
    static let literalValue =
        #"(?<=["'`])[^"'`\x0d\x0a]{1,200}(?=["'`])"#
        + #"|(?<!["'`])(?!&)(?![A-Za-z_.-]+[ \t]*(?:#|<|\x0d|\x0a|$))[^\s"'`<>(){}\[\]\\|]{2,199}[^\s"'`,;<>(){}\[\]\\|](?=[ \t]*(?:#|<|\x0d|\x0a|$))"#

    /// An assignment rule's pattern: `boundary`, a name from `names` (case-insensitive) with the
    /// endings `secretNameSuffix` allows, `assignmentOperator`, then `value` as the secret.
    static func assignment(names: String, boundary: String, value: String) -> String {
        boundary + #"(?i:"# + names + #")"# + secretNameSuffix + assignmentOperator + #"(?<secret>"# + value + ")"
    }

    /// APIs whose documented signature takes the password as a given argument: the second
    /// (`NetworkCredential(user, password)`), the third (`DirectoryEntry(path, user, password)`),
    /// or the only one (a setter).
    /// One argument before the password: a string literal (commas allowed inside, as in an LDAP
    /// DN) or an expression without commas, parentheses or quotes.
    static let argument = #"(?:[ \t]*(?:"[^"\x0d\x0a]{0,160}"|'[^'\x0d\x0a]{0,160}'|[^,()"'\x0d\x0a]{1,160}))"#

    static let passwordArgument =
        #"(?:(?:NetworkCredential|UsernamePasswordCredentials|UsernamePasswordAuthenticationToken|PasswordAuthentication|HTTPBasicAuth|HTTPDigestAuth|HttpBasicAuth|SetBasicAuth|BasicAuth|Credentials\.basic|\.login|\.Authenticate|simple_bind_s|simple_bind)\([ \t]*"#
        + argument + ","
        + #"|(?:DirectoryEntry|getConnection|mysqli?_connect|new[ \t]+PDO|ldap_bind|ftplib\.FTP|FTP_TLS)\([ \t]*"# + argument + "," + argument + ","
        + #"|(?:[Ss]et|[Ww]ith|set_)(?i:password|passwd|pwd|passphrase)\()"#
        + #"[ \t]*["'](?<secret>[^"'\x0d\x0a]{3,128})["'][ \t]*(?:\)|,|\.toCharArray)"#

    /// Command-line options whose value is a password: the long options, and the short ones of
    /// tools that document them (`mysql -pPASSWORD` takes it without a space).
    static let passwordFlag =
        #"(?:--(?:password|passwd|passphrase|pass)(?:[ \t]+|=)|(?:mysql(?:dump|admin)?|mariadb)[ \t][^\x0d\x0a]{0,200}?[ \t]-p"#
        + #"|sshpass[ \t]+-p[ \t]*|docker[ \t]+login[^\x0d\x0a]{0,200}?[ \t]-p[ \t]+|redis-cli[^\x0d\x0a]{0,200}?[ \t]-a[ \t]+)"#
        + #"["']?(?<secret>[^\s"'`$;|&<>(){}]{4,200})"#

    /// A comparison whose left side looks a secret-like key up (a call or a subscript) and whose
    /// right side is a literal: `request.args.get("token") == "…"`, `params["password"] === '…'`,
    /// `req.getParameter("pwd").equals("…")`.
    static let lookupComparison =
        #"(?:\.(?:get|getParameter|getHeader|get_param|param|fetch|getString|header)\(|\[)[ \t]*["']"# + notSecretNamePrefix
        + #"[A-Za-z0-9_-]{0,30}(?i:"# + comparedNames + ")" + secretNameSuffix
        + #"["'][ \t]*[)\]][ \t]*(?:===?[ \t]*|!==?[ \t]*|\.(?:equals|Equals|equalsIgnoreCase)\([ \t]*)["'](?<secret>[^"'\x0d\x0a]{4,200})["']"#

    /// Names a looked-up value is compared under: the password names and the secret ones a
    /// request carries.
    static let comparedNames = passwordNames + #"|secret|token|api[_.-]?key|apikey"#

    /// A name/value pair of sibling fields, on one line or two (Postman environments,
    /// Kubernetes `env` in JSON, ECS task definitions): `{"key": "adminPassword", "value": "…"}`,
    /// `"name": "DB_PASSWORD",` then `"value": "…"` on the next line. `names` is an alternation.
    static func siblingEntry(names: String) -> String {
        #"["'](?:key|name|Key|Name)["'][ \t]*:[ \t]*["']"# + notSecretNamePrefix + #"[A-Za-z0-9_.-]{0,40}(?i:"# + names + ")"
            + secretNameSuffix + #"["'][ \t]*,[ \t]*(?:\r?\n[ \t]*)?["'](?:value|Value)["'][ \t]*:[ \t]*["'](?<secret>[^"'\x0d\x0a]{4,200})["']"#
    }

    /// How far a sibling entry's match reaches past its keyword: the rest of the name's line
    /// and the next line (`siblingEntry` allows one line break).
    static let siblingSpan = 256

    /// A dotenv line that gives a password-like name a bare word (`DB_PASSWORD=root`,
    /// `RABBITMQ_PASS=guest`): in code a bare word is a name, in a dotenv file it is the value.
    static let dotenvBareWord =
        #"(?<![^\x0a])[ \t]*(?:export[ \t]+)?[A-Za-z0-9_.]{0,40}(?i:"# + passwordNames + ")" + secretNameSuffix
        + #"[ \t]*=[ \t]*(?<secret>[A-Za-z][A-Za-z0-9_.-]{2,63})[ \t]*(?=#|\x0d|\x0a|$)"#

    static let assignments: [ScanRule] = [
        ScanRule(
            id: "password-assignment", description: "Password literal assigned to, compared with or passed as a password-like name",
            keywords: ["pass", "pwd", "pword"],
            pattern: assignment(names: passwordNames, boundary: wordStart, value: literalValue),
            confidence: .low,
            validate: { SecretHeuristics.isPlausiblePasswordLiteral($0) },
            validateQuoted: { SecretHeuristics.isPlausiblePasswordLiteral($0, quoted: true) },
            // A committed `.env` with a password is the classic leak: medium there, so that the
            // pre-commit hook (`--staged`, medium) stops `DB_PASSWORD=admin123`.
            dotenvConfidence: .medium),
        ScanRule(
            id: "password-comparison", description: "Literal compared with a password- or token-like value looked up by name",
            keywords: ["pass", "pwd", "pword", "secret", "token", "api_key", "api-key", "api.key", "apikey"],
            pattern: lookupComparison,
            confidence: .low,
            validate: { SecretHeuristics.isPlausiblePasswordLiteral($0, quoted: true) }),
        ScanRule(
            id: "password-entry", description: "Password literal in a name/value pair of fields ({\"name\": \"DB_PASSWORD\", \"value\": …})",
            keywords: ["pass", "pwd", "pword"],
            pattern: siblingEntry(names: passwordNames),
            confidence: .low,
            validate: { SecretHeuristics.isPlausiblePasswordLiteral($0, quoted: true) },
            span: siblingSpan),
        ScanRule(
            id: "dotenv-password", description: "Word or service default password in a dotenv file (DB_PASSWORD=root)",
            keywords: ["pass", "pwd", "pword"],
            pattern: dotenvBareWord,
            confidence: .low,
            validate: { SecretHeuristics.isDotenvPasswordWord($0) },
            dotenvOnly: true),
        ScanRule(
            id: "password-argument", description: "Password literal passed to an API that takes a password",
            keywords: [
                "networkcredential", "usernamepasswordcredentials", "passwordauthentication", "httpbasicauth", "httpdigestauth",
                "setbasicauth", "basicauth(", ".login(", "directoryentry", "getconnection", "mysql_connect", "mysqli_connect", "pdo(",
                "usernamepasswordauthenticationtoken", "credentials.basic(", ".authenticate(", "simple_bind", "ldap_bind(", "ftplib.ftp(",
                "ftp_tls(",
                "setpassword", "withpassword", "set_password", "setpasswd", "setpwd", "setpassphrase", "withpassphrase",
            ],
            pattern: passwordArgument,
            confidence: .low,
            validate: { SecretHeuristics.isPlausiblePasswordLiteral($0, quoted: true) }),
        ScanRule(
            id: "password-flag", description: "Password literal given on a command line (--password, mysql -p, sshpass -p)",
            keywords: ["--pass", "mysql", "mariadb", "sshpass", "docker login", "redis-cli"],
            pattern: passwordFlag,
            confidence: .low,
            // Prose about the option (`the --password option`) is not a value.
            validate: { SecretHeuristics.isPlausiblePasswordLiteral($0) && !SecretHeuristics.isWord($0) },
            validateQuoted: { SecretHeuristics.isPlausiblePasswordLiteral($0, quoted: true) && !SecretHeuristics.isWord($0) }),
    ]
}
