export PATH=$HOME/bin:$PATH
export DB_PASSWORD='gizmo601'
export SMTP_PASS=Oporto3061
