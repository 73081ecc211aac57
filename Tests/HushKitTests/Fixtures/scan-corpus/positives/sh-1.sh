#!/bin/sh
# bootstrap (corpus: fake values)
export DEEPSEEK_API_KEY="sk-fff02eba571e7b3ec5decc1db9bedfda"
export SCW_SECRET_KEY="6f56984e-47aa-db4b-d1f6-31e1ad168451"
export AZURE_CLIENT_SECRET="9SZ0Q~Tphit6ilPD26YIIuNKft9P7gsA0NJ7ymgY"
export TENCENTCLOUD_SECRET_ID="AKIDG6XuAIeuIsA0qdqOCDdIPsOnxmdl14DX"
export GEM_HOST_API_KEY="rubygems_34b72a9b3731f443e11f6ea766ccffe5589039c483bbf46d"
export GOOGLE_CLIENT_SECRET="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"
export SNYK_TOKEN="de16a053-44e4-cb15-8d54-6d93d1e44033"
export HEROKU_API_KEY="583106cb-c5cc-f32b-4f2c-4e0b730be1b6"
