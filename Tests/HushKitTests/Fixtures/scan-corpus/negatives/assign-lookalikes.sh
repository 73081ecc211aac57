export DB_PASSWORD="${DB_PASSWORD:-}"
export PGPASSWORD=$(cat /run/secrets/pg)
read -s -p "Password: " PASSWORD
PASSWORD=$1
