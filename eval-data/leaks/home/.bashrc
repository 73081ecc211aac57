# ~/.bashrc: executed by bash(1) for non-login shells.
case $- in
    *i*) ;;
      *) return;;
esac

HISTCONTROL=ignoreboth
shopt -s histappend
HISTSIZE=1000
alias ll='ls -alF'
alias k=kubectl

export PATH="$HOME/.local/bin:$HOME/go/bin:$PATH"
export EDITOR=vim

# work aws account (TODO move to aws-vault)
export AWS_ACCESS_KEY_ID=AKIAZAVHYSPA2ITKJS5W
export AWS_SECRET_ACCESS_KEY=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
export AWS_DEFAULT_REGION=eu-west-1

export GITHUB_TOKEN=ghp_hEjdBa798JigFwWrhpAwuvJlRNdUdbiddKfT

if [ -f ~/.bash_aliases ]; then
    . ~/.bash_aliases
fi
