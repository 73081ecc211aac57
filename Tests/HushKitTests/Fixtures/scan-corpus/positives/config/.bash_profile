export PATH=$HOME/bin:$PATH
export DB_PASSWORD='Brisa65'
export SMTP_PASS=toucan0689*
