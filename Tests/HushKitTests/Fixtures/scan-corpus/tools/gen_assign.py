"""Assignment and config-file samples of the scan corpus (issue 14), called once from
generate.py: password literals assigned, compared or passed in 15 syntaxes
(positives/assign-*), realistic credential files (positives/config/...), and their
look-alikes (negatives/assign-lookalikes.*, negatives/config-lookalikes.txt).

Every value comes from this module's own seeded generator (so generate.py's other output does
not change): none is a real credential.
"""
import base64, os, random, string

UP, LO, DI = string.ascii_uppercase, string.ascii_lowercase, string.digits
ALNUM, HEX = UP + LO + DI, "0123456789abcdef"
CRYPT = ALNUM + "./"
ASSIGN, CONFIG = "assignments", "config-files"

# Parts of the made-up passwords people pick: a word, digits, maybe a symbol.
STEMS = ["kermit", "falcon", "orchid", "tango", "nimbus", "zephyr", "cobalt", "rrhh", "gizmo", "pampa", "quokka", "viento",
         "marbella", "juniper", "brisa", "toucan", "ferret", "sirocco", "walnut", "oporto"]


def generate(labels, neg_units, root):
    rng = random.Random(20261130)

    def r(alphabet, n):
        return "".join(rng.choice(alphabet) for _ in range(n))

    def picked():
        """A password a person picked: low entropy, but not a placeholder."""
        stem = rng.choice(STEMS)
        stem = stem.capitalize() if rng.random() < 0.5 else stem
        return stem + r(DI, rng.randrange(2, 5)) + rng.choice(["", "", "!", "#", "*", "?"])

    def weird():
        """Punctuation-heavy passwords (as in `db_pass: 'A,.:-¨@*¿?!'`)."""
        return r(UP, 1) + "".join(rng.choice(",.:-@*?!%&") for _ in range(5)) + r(LO + DI, 3)

    def write(rel, text):
        full = os.path.join(root, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)

    def emit(rel, rows, head="", tail=""):
        """rows: (text, rule or None, family); a labeled row is a positive on its line."""
        text = head
        for line, rule, family in rows:
            if rule:
                labels.append({"file": rel, "line": text.count("\n") + 1, "rule": rule, "family": family})
            text += line + "\n"
        write(rel, text + tail)

    PA = ("password-assignment", ASSIGN)
    ARG = ("password-argument", ASSIGN)
    FLAG = ("password-flag", ASSIGN)

    # --- Password literals, one file per syntax --------------------------------------------
    syntaxes = {
        "py": ("# settings (corpus: fake values)\n", "", [
            lambda v: (f"DB_PASSWORD = '{v}'", PA), lambda v: (f"conn = psycopg2.connect(host=HOST, user='app', password=\"{v}\")", PA),
            lambda v: (f"if password == \"{v}\":", PA), lambda v: (f"os.environ.setdefault(\"SMTP_PASSWORD\", \"{v}\")", PA),
            lambda v: (f"smtp.login(\"mailer\", \"{v}\")", ARG), lambda v: (f"    passwd: str = \"{v}\"", PA)]),
        "js": ("// config.js (corpus: fake values)\n", "", [
            lambda v: (f"const dbPassword = \"{v}\";", PA), lambda v: (f"  password: '{v}',", PA),
            lambda v: (f"if (userPass === '{v}') {{ grant(); }}", PA), lambda v: (f"let adminPwd = `{v}`;", PA)]),
        "go": ("package config\n\n// corpus: fake values\n", "", [
            lambda v: (f"\tPassword: \"{v}\",", PA), lambda v: (f"\tdbPass := \"{v}\"", PA),
            lambda v: (f"\tos.Setenv(\"PGPASSWORD\", \"{v}\")", PA), lambda v: (f"\treq.SetBasicAuth(\"api\", \"{v}\")", ARG)]),
        "java": ("// corpus: fake values\nclass Db {\n", "}\n", [
            lambda v: (f"    private static final String DB_PASSWORD = \"{v}\";", PA),
            lambda v: (f"    if (password.equals(\"{v}\")) {{ return true; }}", PA),
            lambda v: (f"    Connection c = DriverManager.getConnection(url, \"sa\", \"{v}\");", ARG),
            lambda v: (f"    props.put(\"mail.smtp.password\", \"{v}\");", PA),
            lambda v: (f"    ds.setPassword(\"{v}\");", ARG)]),
        "cs": ("// corpus: fake values\nclass Ldap {\n", "}\n", [
            lambda v: (f"    var entry = new DirectoryEntry(url, user, \"{v}\");", ARG),
            lambda v: (f"    string password = \"{v}\";", PA), lambda v: (f"    var cred = new NetworkCredential(\"svc\", \"{v}\");", ARG),
            lambda v: (f"    if (secretPassword == \"{v}\") {{ Unlock(); }}", PA)]),
        "rb": ("# corpus: fake values\n", "", [
            lambda v: (f"  :password => '{v}',", PA), lambda v: (f"  password: \"{v}\",", PA),
            lambda v: (f"ENV[\"DB_PASSWORD\"] ||= \"{v}\"", PA)]),
        "php": ("<?php\n// corpus: fake values\n", "", [
            lambda v: (f"define('DB_PASSWORD', '{v}');", PA), lambda v: (f"$db_pass = '{v}';", PA),
            lambda v: (f"$config['smtp']['pass'] = \"{v}\";", PA), lambda v: (f"$link = mysqli_connect('db', 'shop', '{v}', 'shop');", ARG),
            lambda v: (f"    'password' => '{v}',", PA)]),
        "sh": ("#!/bin/sh\n# corpus: fake values\n", "", [
            lambda v: (f"export MYSQL_ROOT_PASSWORD={v}", PA), lambda v: (f"DB_PASS='{v}'", PA),
            lambda v: (f"export PGPASSWORD=\"{v}\"", PA), lambda v: (f"mysql -u root -p{v} shop < dump.sql", FLAG),
            lambda v: (f"sshpass -p '{v}' ssh deploy@web1", FLAG)]),
        "yaml": ("# corpus: fake values\ndatabase:\n", "", [
            lambda v: (f"  password: {v}", PA), lambda v: (f"  db_pass: '{v}'", PA), lambda v: (f"  smtp_password: \"{v}\"", PA)]),
        "json": ("{\n  \"_comment\": \"corpus: fake values\",\n", "  \"_end\": true\n}\n", [
            lambda v: (f"  \"password\": \"{v}\",", PA), lambda v: (f"  \"userPassword\" : \"{v}\",", PA),
            lambda v: (f"  \"db_pass\": \"{v}\",", PA)]),
        "ini": ("; corpus: fake values\n[server]\n", "", [
            lambda v: (f"Password={v}", PA), lambda v: (f"AdminPassword = {v}", PA), lambda v: (f"pass = {v}", PA)]),
        "toml": ("# corpus: fake values\n[database]\n", "", [
            lambda v: (f"password = \"{v}\"", PA), lambda v: (f"db_password = '{v}'", PA)]),
        "xml": ("<?xml version=\"1.0\"?>\n<!-- corpus: fake values -->\n<config>\n", "</config>\n", [
            lambda v: (f"  <password>{v}</password>", PA), lambda v: (f"  <datasource user=\"app\" password=\"{v}\"/>", PA),
            lambda v: (f"  <add key=\"SmtpPassword\" value=\"{v}\" />", PA)]),
        "properties": ("# corpus: fake values\n", "", [
            lambda v: (f"spring.datasource.password={v}", PA), lambda v: (f"mail.smtp.pass: {v}", PA)]),
        "env": ("# corpus: fake values\n", "", [
            lambda v: (f"DB_PASSWORD={v}", PA), lambda v: (f"REDIS_PASS=\"{v}\"", PA), lambda v: (f"SMTP_PWD='{v}'", PA)]),
    }
    for ext, (head, tail, forms) in syntaxes.items():
        rows = []
        for i in range(max(4, len(forms))):
            value = weird() if i % 4 == 3 else picked()
            line, rule = forms[i % len(forms)](value)
            rows.append((line, *(rule or (None, None))))
        emit(f"positives/assign-{ext}.{ext}", rows, head, tail)

    # --- Credential files in their documented formats ---------------------------------------
    def crypt(prefix, salt, body):
        return f"{prefix}{r(CRYPT, salt)}${r(CRYPT, body)}"

    HL = ("password-hash-line", CONFIG)
    emit("positives/config/etc/shadow", [
        (f"root:{crypt('$6$', 16, 86)}:19700:0:99999:7:::", *HL), ("daemon:*:19700:0:99999:7:::", None, None),
        (f"deploy:{crypt('$5$', 16, 43)}:19701:0:99999:7:::", *HL), (f"backup:{r(CRYPT, 13)}:19702:0:99999:7:::", "password-hash-file", CONFIG),
        (f"ops:$y$j9T${r(CRYPT, 22)}${r(CRYPT, 43)}:19703:0:99999:7:::", *HL), ("nobody:!:19700::::::", None, None)])
    emit("positives/config/public_html/.htpasswd", [
        (f"admin:$apr1${r(CRYPT, 8)}${r(CRYPT, 22)}", *HL), (f"editor:{{SHA}}{base64.b64encode(bytes(rng.randrange(256) for _ in range(20))).decode()}", *HL),
        (f"api:$2y$10${r(CRYPT, 53)}", *HL), (f"legacy:{r(CRYPT, 13)}", "password-hash-file", CONFIG)])
    emit("positives/config/proftpdpasswd", [(f"ftp{i}:{crypt('$1$', 8, 22)}:100{i}:100{i}::/srv/ftp{i}:/bin/false", *HL) for i in range(3)])
    emit("positives/config/cisco/router.cfg", [
        ("hostname edge-1", None, None), (f"enable secret 5 {crypt('$1$', 4, 22)}", "cisco-password", CONFIG),
        (f"username netops privilege 15 secret 9 $9${r(CRYPT, 14)}${r(CRYPT, 43)}", "cisco-password", CONFIG),
        ("line vty 0 4", None, None), (f" password 7 {r('0123456789ABCDEF', 18)}", "cisco-password", CONFIG)])
    emit("positives/config/.pgpass", [("# hostname:port:database:username:password", None, None)]
         + [(f"db{i}.prod.internal:5432:orders:app:{picked()}", "pgpass-password", CONFIG) for i in range(3)])
    emit("positives/config/rails/config/master.key", [(r(HEX, 32), "rails-master-key", CONFIG)])
    emit("positives/config/rails/config/secrets.yml", [
        ("production:", None, None), (f"  secret_key_base: {r(HEX, 128)}", "rails-secret-key-base", CONFIG)])
    emit("positives/config/laravel/.env", [
        ("APP_NAME=Shop", None, None), (f"APP_KEY=base64:{base64.b64encode(bytes(rng.randrange(256) for _ in range(32))).decode()}", "laravel-app-key", CONFIG),
        ("DB_USERNAME=shop", None, None), (f"DB_PASSWORD={picked()}", *PA)])
    salt_chars = ALNUM + "!@#%^&*()-_[]{}<>~+=,.;:/?|"
    emit("positives/config/wordpress/wp-config.php", [("<?php", None, None), (f"define( 'DB_PASSWORD', '{picked()}' );", *PA)]
         + [(f"define( '{k}', '{r(salt_chars, 64)}' );", "wordpress-auth-key", CONFIG)
            for k in ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "NONCE_SALT"]])
    emit("positives/config/django/settings.py", [
        (f"SECRET_KEY = '{r(LO + DI + '!@#$%^&*(-_=+)', 50)}'", "django-secret-key", CONFIG), ("DATABASES = {'default': {", None, None),
        (f"    'PASSWORD': '{picked()}',", *PA), ("}}", None, None)])
    emit("positives/config/filezilla/sitemanager.xml", [("<FileZilla3><Servers><Server>", None, None), ("<Host>ftp.example.net</Host>", None, None)]
         + [(f"<Pass encoding=\"base64\">{base64.b64encode(picked().encode()).decode()}</Pass>", "filezilla-password", CONFIG),
            ("</Server></Servers></FileZilla3>", None, None)])
    emit("positives/config/filezilla/recentservers.xml", [(f"<Pass>{picked()}</Pass>", "filezilla-password", CONFIG)])
    emit("positives/config/firefox/logins.json", [
        ("{\"nextId\":3,\"logins\":[", None, None),
        (f"{{\"id\":1,\"hostname\":\"https://intranet.example\",\"encryptedUsername\":\"MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECA{r(ALNUM, 16)}\","
         f"\"encryptedPassword\":\"MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECP{r(ALNUM + '+/', 24)}\"}}", "firefox-saved-password", CONFIG),
        ("]}", None, None)])
    emit("positives/config/docker/config.json", [
        ("{", None, None), ("  \"auths\": {", None, None), ("    \"registry.example.net\": {", None, None),
        (f"      \"auth\": \"{base64.b64encode(('ci:' + picked()).encode()).decode()}\"", "docker-config-auth", "registries"),
        ("    },", None, None), ("    \"cr.example.org\": {", None, None),
        (f"      \"identitytoken\": \"{r(ALNUM + '-_', 40)}.{r(ALNUM + '-_', 60)}\"", "docker-identity-token", CONFIG),
        ("    }", None, None), ("  }", None, None), ("}", None, None)])
    emit("positives/config/.npmrc", [
        (f"_auth={base64.b64encode(('ci:' + picked()).encode()).decode()}", "npmrc-credentials", CONFIG),
        (f"//npm.pkg.example.com/:_password={base64.b64encode(picked().encode()).decode()}", "npmrc-credentials", CONFIG),
        ("//npm.pkg.example.com/:username=ci", None, None), ("always-auth=true", None, None)])
    emit("positives/config/.netrc", [
        ("machine ftp.example.net", None, None), ("  login uploader", None, None), (f"  password {picked()}", "netrc-password", "generic")])
    emit("positives/config/.git-credentials", [(f"https://deploy:{picked()}@git.example.net", "url-credentials", "web")])
    emit("positives/config/sftp-config.json", [
        ("{", None, None), ("    \"type\": \"sftp\",", None, None), ("    \"host\": \"files.example.net\",", None, None),
        (f"    \"password\": \"{picked()}\",", *PA), ("}", None, None)])
    emit("positives/config/WinSCP.ini", [
        ("[Sessions\\deploy@files]", None, None), ("HostName=files.example.net", None, None),
        (f"Password={r('0123456789ABCDEF', 48)}", *PA)])
    emit("positives/config/.bash_profile", [
        ("export PATH=$HOME/bin:$PATH", None, None), (f"export DB_PASSWORD='{picked()}'", *PA), (f"export SMTP_PASS={picked()}", *PA)])
    emit("positives/config/.esmtprc", [("hostname = smtp.example.net:587", None, None), ("username = \"mailer\"", None, None),
                                        (f"password = \"{picked()}\"", *PA)])
    emit("positives/config/legacy/db.php", [
        ("<?php", None, None), (f"$pg = pg_connect(\"host=db.internal port=5432 dbname=shop user=shop password={r(ALNUM, 14)}\");",
                                "libpq-connection-password", "databases"),
        (f"ldap_bind($ds, 'cn=admin,dc=example,dc=org', '{picked()}');", *ARG)])
    emit("positives/config/db/dump.sql", [
        ("-- MySQL dump (corpus: fake values)", None, None), ("CREATE DATABASE shop;", None, None),
        (f"CREATE USER 'shop'@'%' IDENTIFIED BY '{picked()}';", "sql-password", "databases"),
        ("GRANT ALL PRIVILEGES ON shop.* TO 'shop'@'%';", None, None),
        (f"ALTER USER reporting WITH PASSWORD '{picked()}';", "sql-password", "databases")])
    emit("positives/config/filezilla/FileZilla-Server.xml", [
        ("<FileZillaServer><Users><User Name=\"upload\">", None, None),
        (f"<Option Name=\"Pass\">{r(HEX, 32)}</Option>", "filezilla-password", CONFIG), ("</User></Users></FileZillaServer>", None, None)])
    emit("positives/config/odbc.config", [
        (f"Driver={{ODBC Driver 18 for SQL Server}};Server=sql01;Database=ops;Uid=ops;Pwd={picked()};", "connection-string-password", "databases")])

    # --- Look-alikes -----------------------------------------------------------------------
    look = {
        "py": ["password = os.environ[\"DB_PASSWORD\"]", "password = os.getenv(\"DB_PASSWORD\")", "password = None", "password = \"\"",
               "password = getpass.getpass()", "if password == confirm_password:", "password: str", "def check(password: str) -> bool:",
               "password = \"%(db_password)s\"", "fields = ('username', 'password', 'first_name')", "password_hash = make_password(raw)",
               "PASSWORD_MIN_LENGTH = 12", "compass = 'north-west'", "passenger = Passenger(name='Ada')", "pwd = os.getcwd()"],
        "js": ["const password = process.env.DB_PASSWORD;", "password: String,", "if (password === other) {", "const passwordField = $('#pw');",
               "this.password = password;", "label: 'Password'", "placeholder=\"Password\"", "password: '********',", "bypass = 'yes-always'"],
        "go": ["\tCredential: &syscall.Credential{Uid: uid, Gid: gid},", "\tPassword: cfg.Password,", "\tpassword := os.Getenv(\"PGPASSWORD\")",
               "\tekuOIDs[OID_EKU_SBGP_CERT_AA_SERVICE_AUTH] = oidExtKeyUsageSbgpCertAaServiceAuth", "\tif token == expectedToken {",
               "type Credentials struct { Password string }"],
        "java": ["String password = System.getenv(\"DB_PASSWORD\");", "if (password.equals(confirm)) {", "private char[] password;",
                 "ds.setPassword(props.getProperty(\"db.password\"));", "@Value(\"${db.password}\") String password;"],
        "cs": ["var entry = new DirectoryEntry(url, user, password);", "public string Password { get; set; }",
               "var cred = new NetworkCredential(user, pass);", "if (secret == expected) { }"],
        "rb": ["password: ENV[\"DB_PASSWORD\"],", "password: ENV.fetch(\"DB_PASSWORD\"),", ":password => nil,", "password_confirmation = params[:password_confirmation]"],
        "php": ["define('DB_PASSWORD', getenv('DB_PASSWORD'));", "$password = $_POST['password'];", "'password' => 'required|min:8|confirmed',",
                "define('DB_PASSWORD', '');", "$pass = $request->input('pass');"],
        "sh": ["mysql -u root -p\"$MYSQL_ROOT_PASSWORD\" app", "docker login --password-stdin -u ci", "sshpass -p \"$PW\" ssh host",
               "export DB_PASSWORD=\"${DB_PASSWORD:-}\"", "export PGPASSWORD=$(cat /run/secrets/pg)", "read -s -p \"Password: \" PASSWORD",
               "PASSWORD=$1"],
        "yaml": ["  password: ${DB_PASSWORD}", "  password: \"{{ vault_db_password }}\"", "  password: !vault |", "  password: *default_password",
                 "  password_file: /run/secrets/db", "  password: changeme", "  password: xxxxxxxx", "  password: null"],
        "json": ["  \"password\": \"Password\",", "  \"password\": \"Contraseña\",", "  \"password\": \"Mot de passe\",",
                 "  \"passwordHint\": \"At least 12 characters\",", "  \"password\": \"\",", "  \"password\": \"<your password>\","],
        "ini": ["Password=", "Password=%(db_password)s", "password = ${DB_PASSWORD}", "PasswordPolicy=strong"],
        "toml": ["password = \"\"", "password = \"${DB_PASSWORD}\"", "password_env = \"DB_PASSWORD\""],
        "xml": ["<password>${env.DB_PASSWORD}</password>", "<password></password>", "<input type=\"password\" name=\"password\" placeholder=\"Password\"/>",
                "<label for=\"pwd\">Password:</label>"],
        "properties": ["spring.datasource.password=${DB_PASSWORD}", "app.password.min-length=12", "mail.smtp.pass="],
        "env": ["DB_PASSWORD=", "DB_PASSWORD=${DB_PASSWORD}", "DB_PASSWORD=changeme", "SMTP_PASS=your_password_here", "DB_PASSWORD=P@ssw0rd"],
    }
    for ext, lines in look.items():
        write(f"negatives/assign-lookalikes.{ext}", "\n".join(lines) + "\n")
        neg_units[f"assign-lookalikes.{ext}"] = "lines"
    write("negatives/config-lookalikes.txt", "\n".join([
        "root:x:0:0:root:/root:/bin/bash", "daemon:*:19700:0:99999:7:::", "nobody:!:19700::::::",
        "define( 'AUTH_KEY',         'put your unique phrase here' );", "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
        "  secret_key_base: <%= ENV[\"SECRET_KEY_BASE\"] %>", "APP_KEY=", "<Pass encoding=\"base64\" />", "\"encryptedPassword\": \"\",",
        "//registry.npmjs.org/:_authToken=${NPM_TOKEN}", "_auth=${NPM_AUTH}", "enable secret 5 <removed>", "no service password-encryption",
        "machine example.com login anonymous password guest", "CREATE USER 'app'@'%' IDENTIFIED BY '';",
        "ALTER USER api WITH PASSWORD 'md5" + r(HEX, 32) + "';", "CREATE USER app WITH PASSWORD '${APP_PASSWORD}';",
        "<Option Name=\"Pass\"></Option>", "password_hash = \"$2b$12$" + r(CRYPT, 53) + "\"",
    ]) + "\n")
    neg_units["config-lookalikes.txt"] = "lines"
    shapes(labels, neg_units, emit, write)
    labels.sort(key=lambda x: (x["file"], x["line"]))


def shapes(labels, neg_units, emit, write):
    """The shapes the blind evaluation set (eval-data/) found missing: passwords with
    punctuation that reads like a reference (`a.B`, `%x`, a leading `*`, `!`, `&`, `@`), a
    placeholder word plus digits, name/value sibling fields, lookup comparisons, and bare words
    in a dotenv file. Its own generator, so the values above do not change."""
    rng = random.Random(20261201)

    def r(alphabet, n):
        return "".join(rng.choice(alphabet) for _ in range(n))

    def punct():
        """A strong password with a dot or percent before a letter, or a sigil first."""
        body = r(UP, 1) + r(LO + DI, 2) + r(DI, 1) + r(ALNUM, 4)
        mark = rng.choice([".", "%"])
        return rng.choice(["", "*", "!", "&", "@"]) + body + mark + r(UP + LO, 1) + r(ALNUM, 5) + r(DI, 1)

    def weak():
        return rng.choice(["secret", "Secret", "password", "P@ssw0rd", "pass", "s3cr3t"]) + r(DI, rng.randrange(1, 5))

    PA = ("password-assignment", ASSIGN)
    emit("positives/assign-shapes/application.yml", [("spring:", None, None), ("  rabbitmq:", None, None)]
         + [(f"    password: \"{punct()}\"", *PA) for _ in range(3)] + [(f"    password: '{punct()}'", *PA)])
    emit("positives/assign-shapes/connections.ini", [("[ldap]", None, None)]
         + [(f"bind_password = {rng.choice('!*@')}{r(UP, 3)}{r(DI, 1)}{r(UP + LO, 3)}{r(DI, 1)}{r(UP, 4)}", *PA) for _ in range(2)]
         + [(f"password = {punct().lstrip('*!&@')}", *PA)])
    emit("positives/assign-shapes/wp-config.php", [("<?php", None, None)]
         + [(f"define( 'DB_PASSWORD', '{punct()}' );", *PA), (f"$pdo = new PDO($dsn, 'shop', '{weak()}');", "password-argument", ASSIGN),
            (f"$db_pass = '{weak()}';", *PA)])
    emit("positives/assign-shapes/auth.py", [("def check(request, params):", None, None)]
         + [(f"    if request.args.get(\"token\") == \"{rng.choice(['letmein', 'opensaysme', 'hunter'])}{r(DI, 4)}\":", "password-comparison", ASSIGN),
            (f"    if params[\"password\"] == \"{weak()}\":", "password-comparison", ASSIGN),
            (f"    if request.headers.get('X-Api-Key') != '{r(LO, 5)}{r(DI, 3)}':", "password-comparison", ASSIGN),
            ("PASSWORD = \"password123\"", *PA)])
    emit("positives/assign-shapes/Staging.postman_environment.json", [
        ("{", None, None), ("  \"name\": \"Staging\",", None, None), ("  \"values\": [", None, None),
        ("    {", None, None), ("      \"key\": \"apiKey\",", None, None),
        (f"      \"value\": \"{r(ALNUM, 40)}\",", "generic-secret-entry", "generic"), ("      \"enabled\": true", None, None),
        ("    },", None, None), ("    {", None, None), ("      \"key\": \"adminPassword\",", None, None),
        (f"      \"value\": \"{punct().lstrip('*!&@')}\",", "password-entry", ASSIGN), ("      \"type\": \"secret\"", None, None),
        ("    },", None, None),
        (f"    {{\"key\": \"dbPassword\", \"value\": \"{weak()}\", \"enabled\": true}}", "password-entry", ASSIGN),
        ("  ]", None, None), ("}", None, None)])
    emit("positives/assign-shapes/task-definition.json", [
        ("{\"containerDefinitions\": [{\"environment\": [", None, None),
        (f"  {{\"name\": \"STRIPE_API_SECRET\", \"value\": \"{r(ALNUM, 28)}\"}},", "generic-secret-entry", "generic"),
        ("  {\"name\": \"DB_PASSWORD\",", None, None), (f"   \"value\": \"{rng.choice(STEMS)}{r(DI, 3)}\"}}", "password-entry", ASSIGN),
        ("]}]}", None, None)])
    emit("positives/assign-shapes/.env", [("APP_ENV=production", None, None)]
         + [(f"{name}={value}", "dotenv-password", ASSIGN) for name, value in
            [("DB_PASSWORD", "root"), ("MYSQL_ROOT_PASSWORD", "toor"), ("RABBITMQ_DEFAULT_PASS", "guest"), ("REDIS_PASSWORD", rng.choice(STEMS))]]
         + [(f"SMTP_PASSWORD={weak()}", *PA)])
    write("negatives/assign-shapes-lookalikes.txt", "\n".join([
        "password = settings.db.password", "password: \"config.password\"", "password = \"%s\"", "password = \"user_%d\"",
        "password = \"%(db_pass)s\"", "  password: *dbPassword", "  password: !secret", "password = \"/run/secrets/db_password\"",
        "password: 'P@ssw0rd'", "password = \"Passw0rd!\"", "password = \"test123\"", "password = \"dummy_pw9\"", "password = \"mysecret\"",
        "if request.args.get(\"token_type\") == \"bearer\":", "if params[\"password\"] == \"\":", "if params[\"csrf_token\"] == \"abc9xyz7\":",
        "if request.args.get(\"token\") == expected:", "{\"key\": \"password\", \"value\": \"{{password}}\"}",
        "{\"name\": \"DB_PASSWORD\", \"valueFrom\": {\"secretKeyRef\": {\"name\": \"db\", \"key\": \"password\"}}}",
        "{\"key\": \"passwordPolicy\", \"value\": \"strong9\"}", "{\"key\": \"baseUrl\", \"value\": \"https://api.example.com/v1\"}",
        "DB_PASSWORD=changeme", "DB_PASSWORD=password", "DB_PASSWORD_FILE=secrets", "# DB_PASSWORD=root",
    ]) + "\n")
    neg_units["assign-shapes-lookalikes.txt"] = "lines"
