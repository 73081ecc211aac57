package config

// corpus: fake values
var Settings = map[string]string{
	SERVICEBUS_CONNECTION: "Endpoint=sb://orders-dktfm.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=0lBZF7b1qg41V9cFndXLEXUAMY4d9aE2Zn5nSqn7wFh=",
	SHOPIFY_ACCESS_TOKEN: "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",
	TEAMS_WEBHOOK_URL: "https://acme.webhook.office.com/webhookb2/778fcb54-f7cb-fc0c-683b-dcc85158c198@646a16b5-e210-f076-c83d-bbea546b850a/IncomingWebhook/1300026455a1174b184057b1d88abec7/32352033-d7db-709a-1c3d-8ba1b3836478",
	AZURE_OPENAI_API_KEY: "iexAtSLiAEsongoFvd69YXGfkch4NviQAIxeE7yJDYpueSdlLPnNJQQJ99BKACPS50XJ3w3AAABACOGTUnR",
	GH_OAUTH_TOKEN: "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",
	MAILCHIMP_API_KEY: "d0f7193209cebc87afba49c855882f12-us9",
	GROQ_API_KEY: "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",
	SUPABASE_ACCESS_TOKEN: "sbp_2a12dcb7d3619885a948b9823efa4e195634b73a",
}
