# settings (corpus: fake values)
DB_PASSWORD = 'nimbus55!'
conn = psycopg2.connect(host=HOST, user='app', password="orchid2403")
if password == "Rrhh6419*":
os.environ.setdefault("SMTP_PASSWORD", "S&,.-?uml")
smtp.login("mailer", "orchid35")
    passwd: str = "gizmo4492"
