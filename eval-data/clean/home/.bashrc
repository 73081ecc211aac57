# ~/.bashrc
export PATH="$HOME/.local/bin:$PATH"
export AWS_PROFILE=dev
export AWS_SDK_LOAD_CONFIG=1
export GITHUB_TOKEN="$(gh auth token)"
export NPM_TOKEN="$(security find-generic-password -s npm -w)"
export VAULT_ADDR=https://vault.example.com:8200
alias tf=terraform
