// AI and machine-learning APIs: OpenAI, Anthropic, Hugging Face and the model hosts.
// Constraints on the pattern syntax: see `ScanRules` (PCRE2 and ICU must read it alike).

extension ScanRules {
    static let ai: [ScanRule] = [
        // OpenAI: project (sk-proj-), service account (sk-svcacct-) and admin (sk-admin-) keys,
        // and the legacy user keys whose middle carries "T3BlbkFJ" (base64 of "OpenAI").
        token(
            "openai-api-key", "OpenAI API key (project, service account or admin)",
            keywords: ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-none-"],
            start + #"(?<secret>sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,200})"# + end),
        token(
            "openai-api-key-legacy", "OpenAI API key (legacy user key)", keywords: ["t3blbkfj"],
            start + #"(?<secret>sk-[A-Za-z0-9_-]{16,74}T3BlbkFJ[A-Za-z0-9_-]{16,74})"# + end),
        named(
            "openai-api-key-named", "OpenAI API key (sk- key under an OpenAI name)", keywords: ["openai"],
            name: #"openai[A-Za-z_.-]{0,24}(?:key|token|secret)"#, value: #"sk-[A-Za-z0-9_-]{32,200}"#),
        // Anthropic: sk-ant-api03- API keys, sk-ant-admin01- admin keys, sk-ant-oat01- OAuth.
        token(
            "anthropic-api-key", "Anthropic API key", keywords: ["sk-ant-api"],
            start + #"(?<secret>sk-ant-api[0-9]{2}-[A-Za-z0-9_-]{80,120})"# + end),
        token(
            "anthropic-admin-key", "Anthropic admin API key", keywords: ["sk-ant-admin"],
            start + #"(?<secret>sk-ant-admin[0-9]{2}-[A-Za-z0-9_-]{80,120})"# + end),
        token(
            "anthropic-oauth-token", "Anthropic OAuth access or refresh token", keywords: ["sk-ant-oat", "sk-ant-ort"],
            start + #"(?<secret>sk-ant-o[ar]t[0-9]{2}-[A-Za-z0-9_-]{80,120})"# + end),
        // Hugging Face: hf_ user tokens and api_org_ organization tokens, 34 letters.
        token(
            "huggingface-token", "Hugging Face access token", keywords: ["hf_"],
            start + #"(?<secret>hf_[A-Za-z0-9]{34,40})(?![A-Za-z0-9])"#),
        token(
            "huggingface-org-token", "Hugging Face organization API token", keywords: ["api_org_"],
            start + #"(?<secret>api_org_[A-Za-z0-9]{34})(?![A-Za-z0-9])"#),
        token(
            "replicate-api-token", "Replicate API token", keywords: ["r8_"],
            start + #"(?<secret>r8_[A-Za-z0-9]{37})(?![A-Za-z0-9])"#),
        token(
            "groq-api-key", "Groq API key", keywords: ["gsk_"],
            start + #"(?<secret>gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9])"#),
        token(
            "perplexity-api-key", "Perplexity API key", keywords: ["pplx-"],
            start + #"(?<secret>pplx-[A-Za-z0-9]{48})(?![A-Za-z0-9])"#),
        token(
            "xai-api-key", "xAI (Grok) API key", keywords: ["xai-"],
            start + #"(?<secret>xai-[A-Za-z0-9]{80})(?![A-Za-z0-9])"#),
        token(
            "openrouter-api-key", "OpenRouter API key", keywords: ["sk-or-v1-"],
            start + #"(?<secret>sk-or-v1-[a-f0-9]{64})(?![A-Za-z0-9])"#),
        token(
            "langsmith-api-key", "LangSmith (LangChain) API key", keywords: ["lsv2_"],
            start + #"(?<secret>lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})(?![A-Za-z0-9])"#),
        token(
            "langfuse-secret-key", "Langfuse secret key", keywords: ["sk-lf-"],
            start + #"(?<secret>sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"# + end),
        token(
            "pinecone-api-key", "Pinecone API key", keywords: ["pcsk_"],
            start + #"(?<secret>pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{40,80})(?![A-Za-z0-9])"#),
        token(
            "tavily-api-key", "Tavily API key", keywords: ["tvly-"],
            start + #"(?<secret>tvly-(?:dev-|prod-)?[A-Za-z0-9]{32})(?![A-Za-z0-9])"#),
        token(
            "cerebras-api-key", "Cerebras API key", keywords: ["csk-"],
            start + #"(?<secret>csk-[a-z0-9]{48})(?![A-Za-z0-9])"#),
        token(
            "nvidia-api-key", "NVIDIA API (NGC, build.nvidia.com) key", keywords: ["nvapi-"],
            start + #"(?<secret>nvapi-[A-Za-z0-9_-]{64})"# + end),
        token(
            "fireworks-api-key", "Fireworks AI API key", keywords: ["fw_"],
            start + #"(?<secret>fw_[A-Za-z0-9]{24})(?![A-Za-z0-9])"#),
        token(
            "anyscale-api-key", "Anyscale Endpoints API key", keywords: ["esecret_"],
            start + #"(?<secret>esecret_[A-Za-z0-9]{26})(?![A-Za-z0-9])"#),
        named(
            "elevenlabs-api-key", "ElevenLabs API key", keywords: ["elevenlabs", "xi-api-key", "xi_api_key"],
            name: #"elevenlabs[A-Za-z_.-]{0,24}(?:key|token)|xi[_-]api[_-]key"#, value: #"(?:sk_)?[a-f0-9]{32,48}"#),
        named(
            "cohere-api-key", "Cohere API key", keywords: ["cohere", "co_api_key"],
            name: #"cohere[A-Za-z_.-]{0,24}(?:key|token)|co_api_key"#, value: #"[A-Za-z0-9]{40}"#),
        named(
            "mistral-api-key", "Mistral AI API key", keywords: ["mistral"],
            name: #"mistral[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"[A-Za-z0-9]{32}"#),
        named(
            "deepseek-api-key", "DeepSeek API key", keywords: ["deepseek"],
            name: #"deepseek[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"sk-[a-f0-9]{32}"#),
        named(
            "together-api-key", "Together AI API key", keywords: ["together"],
            name: #"together[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"(?:tgp_v1_)?[A-Za-z0-9_-]{40,64}"#),
        named(
            "assemblyai-api-key", "AssemblyAI API key", keywords: ["assemblyai", "assembly_ai"],
            name: #"assembly[_-]?ai[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"[a-f0-9]{32}"#),
        named(
            "deepgram-api-key", "Deepgram API key", keywords: ["deepgram"],
            name: #"deepgram[A-Za-z_.-]{0,24}(?:key|token|secret)"#, value: #"[a-f0-9]{40}"#),
        named(
            "wandb-api-key", "Weights & Biases API key", keywords: ["wandb"],
            name: #"wandb[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"[a-f0-9]{40}|local-[a-f0-9]{40}"#),
        named(
            "voyage-api-key", "Voyage AI API key", keywords: ["voyage"],
            name: #"voyage[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"pa-[A-Za-z0-9_-]{43}"#),
        named(
            "stability-api-key", "Stability AI API key", keywords: ["stability"],
            name: #"stability[A-Za-z_.-]{0,24}(?:key|token)"#, value: #"sk-[A-Za-z0-9]{48}"#),
        named(
            "clarifai-pat", "Clarifai personal access token", keywords: ["clarifai"],
            name: #"clarifai[A-Za-z_.-]{0,24}(?:pat|key|token)"#, value: #"[a-f0-9]{32}"#),
    ]
}
