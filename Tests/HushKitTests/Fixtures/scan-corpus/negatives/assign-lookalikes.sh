mysql -u root -p"$MYSQL_ROOT_PASSWORD" app
docker login --password-stdin -u ci
sshpass -p "$PW" ssh host
export DB_PASSWORD="${DB_PASSWORD:-}"
export PGPASSWORD=$(cat /run/secrets/pg)
read -s -p "Password: " PASSWORD
PASSWORD=$1
