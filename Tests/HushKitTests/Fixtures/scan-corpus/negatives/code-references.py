import os
from django.conf import settings

DB_PASSWORD = os.environ["DB_PASSWORD"]
DB_PASSWORD = os.environ.get("DB_PASSWORD", "")
API_KEY = os.getenv("API_KEY")
SECRET_KEY = settings.SECRET_KEY
token = request.headers.get("Authorization")
password = getpass.getpass("Password: ")
password = form.cleaned_data["password"]
api_key = config["api_key"]
auth_token = self._auth_token
client_secret = secrets_manager.get_secret_value(SecretId="prod/api")["SecretString"]
password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
password_hash = "$2b$12$wq9qH6C1mZ0x8kN3aBqjHOe4bSgU2aYzVdQ7tL8mC5fJ1pR6sK0nW"
token_url = "https://oauth2.googleapis.com/token"
token_type = "Bearer"
max_tokens = 4096
tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
secret_name = "prod/db/credentials"
password_min_length = 12
password_reset_timeout = 259200
access_key_id_env = "AWS_ACCESS_KEY_ID"
next_page_token = response["nextPageToken"]
csrf_token = get_token(request)
if password == confirm_password:
    raise ValueError("password mismatch")
def verify_token(token: str) -> bool:
    return hmac.compare_digest(token, expected_token)
secret = Secret.from_env("WEBHOOK_SECRET")
private_key = load_pem_private_key(open(KEY_PATH, "rb").read(), password=None)
private_key_path = "/etc/ssl/private/server.key"
passwd_file = "/etc/passwd"
auth = HTTPBasicAuth(username, password)
credentials = service_account.Credentials.from_service_account_file("sa.json")
api_key_header = APIKeyHeader(name="X-API-Key")
TOKEN_EXPIRY_SECONDS = 3600
SECRET_KEY_FALLBACKS = []
password = None
token = ""
PASSWORD_REGEX = "^(?=.*[A-Z])(?=.*[0-9]).{12,}$"
token_secret_header = "X-Token-Secret"
secret_key_base = "<%= ENV['SECRET_KEY_BASE'] %>"
api_key = f"{prefix}_{random_part}"
password = "".join(secrets.choice(alphabet) for _ in range(20))
token = jwt.encode(payload, key, algorithm="HS256")
AUTH_HEADER = "Authorization"
apiKeyName = "x-api-key"
password_confirmation = params[:password_confirmation]
pwd = os.getcwd()
secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf"
token_endpoint_auth_method = "client_secret_basic"
PASSWORD_RESET_URL = "https://example.com/reset?token={token}"
passphrase = prompt_passphrase()
