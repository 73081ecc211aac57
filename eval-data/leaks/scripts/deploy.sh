#!/usr/bin/env bash
set -euo pipefail

curl -fsS -X POST https://deploy.example.com/api/v1/deploy \
  -H "Authorization: Bearer qDwpCcMNIFuZnO6dABEMPeMmKtsGeYx4THb5QcHr" \
  -d '{"service":"web"}'

sshpass -p 'bo.WX9nUTk2Y' ssh deploy@web01.example.com 'systemctl restart web'
