export PATH=$HOME/bin:$PATH
export DB_PASSWORD='zephyr65'
export SMTP_PASS=toucan0689*
