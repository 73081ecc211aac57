password = os.environ["DB_PASSWORD"]
password = os.getenv("DB_PASSWORD")
password = None
password = ""
password = getpass.getpass()
if password == confirm_password:
password: str
def check(password: str) -> bool:
password = "%(db_password)s"
fields = ('username', 'password', 'first_name')
password_hash = make_password(raw)
PASSWORD_MIN_LENGTH = 12
compass = 'north-west'
passenger = Passenger(name='Ada')
pwd = os.getcwd()
