export ZSH="$HOME/.oh-my-zsh"
ZSH_THEME="robbyrussell"
plugins=(git docker kubectl)
source $ZSH/oh-my-zsh.sh

export HOMEBREW_GITHUB_API_TOKEN="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"
export OPENAI_API_KEY='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'
export DATABASE_URL=postgres://appuser:icPL86eHM3q0kY!H34@db.staging.internal:5432/app
export ANTHROPIC_API_KEY=sk-ant-api03-caShpx8G9zXY5kzwK7Zrj8xJwO3-F-4XlmSmeB9Q2DGwF-A6jQqZ-kcLCZn3hpjP2kB2zYv3bf2wCVJ5Je0Hs53sz1eIlAA

[ -s "$NVM_DIR/nvm.sh" ] && \. "$NVM_DIR/nvm.sh"
eval "$(pyenv init -)"
