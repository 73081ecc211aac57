@testable import HushKit

// Unit samples of the AI rules (fake values from `Fake`, never real credentials).
extension RuleCases {
    static let ai: [RuleCase] = [
        RuleCase(
            "openai-api-key",
            hits: [
                "OPENAI_API_KEY=sk-proj-\(F.s(F.base64url, 74))T3BlbkFJ\(F.s(F.base64url, 74))",
                "client = OpenAI(api_key=\"sk-svcacct-\(F.s(F.base64url, 120))\")", "admin: sk-admin-\(F.s(F.base64url, 80))",
            ],
            misses: ["OPENAI_API_KEY=sk-proj-...", "sk-proj-\(F.s(F.alnum, 20))", "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "openai-api-key-legacy", hits: ["openai.api_key = \"sk-\(F.s(F.alnum, 20))T3BlbkFJ\(F.s(F.alnum, 20))\""],
            misses: ["sk-\(F.s(F.alnum, 48))", "T3BlbkFJ alone"]),
        RuleCase(
            "openai-api-key-named", hits: ["OPENAI_API_KEY=sk-\(F.s(F.alnum, 48))", "openai.api_key = 'sk-\(F.s(F.alnum, 48))'"],
            misses: ["OPENAI_API_KEY=sk-...", "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "openai_model: gpt-4o"]),
        RuleCase(
            "anthropic-api-key", hits: ["ANTHROPIC_API_KEY=sk-ant-api03-\(F.s(F.base64url, 93))AA"],
            misses: [
                "ANTHROPIC_API_KEY=sk-ant-...", "sk-ant-api03-\(F.s(F.base64url, 30))",
                "sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ]),
        RuleCase(
            "anthropic-admin-key", hits: ["ANTHROPIC_ADMIN_KEY=sk-ant-admin01-\(F.s(F.base64url, 93))AA"],
            misses: ["sk-ant-admin01-\(F.s(F.alnum, 20))", "sk-ant-admin01-<key>"]),
        RuleCase(
            "anthropic-oauth-token", hits: ["CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-\(F.s(F.base64url, 93))AA"],
            misses: ["sk-ant-oat01-\(F.s(F.alnum, 20))", "sk-ant-oat01-..."]),
        RuleCase(
            "huggingface-token", hits: ["HF_TOKEN=hf_\(F.s(F.upper + F.lower, 34))", "huggingface-cli login --token hf_\(F.s(F.upper + F.lower, 34))"],
            misses: ["hf_\(F.s(F.alnum, 10))", "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "self.hf_config_name_and_some_more_words_here"]),
        RuleCase(
            "huggingface-org-token", hits: ["HF_ORG_TOKEN=api_org_\(F.s(F.upper + F.lower, 34))"], misses: ["api_org_\(F.s(F.alnum, 10))", "api_org_name"]),
        RuleCase(
            "replicate-api-token", hits: ["REPLICATE_API_TOKEN=r8_\(F.s(F.alnum, 37))"], misses: ["r8_\(F.s(F.alnum, 10))", "r8_<your-token>"]),
        RuleCase(
            "groq-api-key", hits: ["GROQ_API_KEY=gsk_\(F.s(F.alnum, 52))"],
            misses: ["gsk_\(F.s(F.alnum, 20))", "gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "perplexity-api-key", hits: ["PERPLEXITY_API_KEY=pplx-\(F.s(F.alnum, 48))"],
            misses: ["pplx-\(F.s(F.alnum, 20))", "pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "xai-api-key", hits: ["XAI_API_KEY=xai-\(F.s(F.alnum, 80))"], misses: ["xai-\(F.s(F.alnum, 20))", "xai-grok-beta"]),
        RuleCase(
            "openrouter-api-key", hits: ["OPENROUTER_API_KEY=sk-or-v1-\(F.s(F.hex, 64))"],
            misses: ["sk-or-v1-\(F.s(F.hex, 20))", "sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000"]),
        RuleCase(
            "langsmith-api-key", hits: ["LANGCHAIN_API_KEY=lsv2_pt_\(F.s(F.hex, 32))_\(F.s(F.hex, 10))"], misses: ["lsv2_pt_\(F.s(F.hex, 10))", "lsv2_pt_..."]),
        RuleCase(
            "langfuse-secret-key", hits: ["LANGFUSE_SECRET_KEY=sk-lf-\(F.uuid())"], misses: ["LANGFUSE_PUBLIC_KEY=pk-lf-\(F.uuid())", "sk-lf-..."]),
        RuleCase(
            "pinecone-api-key", hits: ["PINECONE_API_KEY=pcsk_\(F.s(F.alnum, 6))_\(F.s(F.alnum, 63))"],
            misses: ["pcsk_\(F.s(F.alnum, 6))_\(F.s(F.alnum, 10))", "pcsk_..."]),
        RuleCase(
            "tavily-api-key", hits: ["TAVILY_API_KEY=tvly-dev-\(F.s(F.alnum, 32))"], misses: ["tvly-\(F.s(F.alnum, 10))", "tvly-YOUR_API_KEY"]),
        RuleCase(
            "cerebras-api-key", hits: ["CEREBRAS_API_KEY=csk-\(F.s(F.lowerAlnum, 48))"],
            misses: ["csk-\(F.s(F.lowerAlnum, 20))", "csk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "nvidia-api-key", hits: ["NVIDIA_API_KEY=nvapi-\(F.s(F.base64url, 64))"],
            misses: ["nvapi-\(F.s(F.alnum, 20))", "nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "fireworks-api-key", hits: ["FIREWORKS_API_KEY=fw_\(F.s(F.alnum, 24))"], misses: ["fw_\(F.s(F.alnum, 10))", "fw_version_major_minor_patch"]),
        RuleCase(
            "anyscale-api-key", hits: ["ANYSCALE_API_KEY=esecret_\(F.s(F.alnum, 26))"], misses: ["esecret_\(F.s(F.alnum, 10))", "esecret_placeholder_value_xx"]),
        RuleCase(
            "elevenlabs-api-key", hits: ["ELEVENLABS_API_KEY=sk_\(F.s(F.hex, 48))", "xi-api-key: \(F.s(F.hex, 32))"],
            misses: ["ELEVENLABS_API_KEY=sk_\(F.s(F.hex, 10))", "ELEVENLABS_VOICE_ID=\(F.s(F.alnum, 20))"]),
        RuleCase(
            "cohere-api-key", hits: ["COHERE_API_KEY=\(F.s(F.alnum, 40))"], misses: ["COHERE_API_KEY=\(F.s(F.alnum, 20))", "cohere_model: command-r-plus"]),
        RuleCase(
            "mistral-api-key", hits: ["MISTRAL_API_KEY=\(F.s(F.alnum, 32))"],
            misses: ["MISTRAL_API_KEY=\(F.s(F.alnum, 16))", "mistral_model: mistral-large-latest"]),
        RuleCase(
            "deepseek-api-key", hits: ["DEEPSEEK_API_KEY=sk-\(F.s(F.hex, 32))"],
            misses: ["DEEPSEEK_API_KEY=sk-\(F.s(F.hex, 12))", "deepseek_model: deepseek-chat"]),
        RuleCase(
            "together-api-key", hits: ["TOGETHER_API_KEY=\(F.s(F.hex, 64))"], misses: ["TOGETHER_API_KEY=\(F.s(F.hex, 20))", "together_model: meta-llama"]),
        RuleCase(
            "assemblyai-api-key", hits: ["ASSEMBLYAI_API_KEY=\(F.s(F.hex, 32))"], misses: ["ASSEMBLYAI_API_KEY=\(F.s(F.hex, 16))", "assemblyai_language: en"]),
        RuleCase(
            "deepgram-api-key", hits: ["DEEPGRAM_API_KEY=\(F.s(F.hex, 40))"], misses: ["DEEPGRAM_API_KEY=\(F.s(F.hex, 16))", "deepgram_model: nova-2"]),
        RuleCase(
            "wandb-api-key", hits: ["WANDB_API_KEY=\(F.s(F.hex, 40))"], misses: ["WANDB_API_KEY=\(F.s(F.hex, 20))", "wandb_project: experiments"]),
        RuleCase(
            "voyage-api-key", hits: ["VOYAGE_API_KEY=pa-\(F.s(F.base64url, 43))"], misses: ["VOYAGE_API_KEY=pa-\(F.s(F.alnum, 10))", "voyage_model: voyage-3"]),
        RuleCase(
            "stability-api-key", hits: ["STABILITY_API_KEY=sk-\(F.s(F.alnum, 48))"],
            misses: ["STABILITY_API_KEY=sk-\(F.s(F.alnum, 10))", "stability_engine: sdxl"]),
        RuleCase(
            "clarifai-pat", hits: ["CLARIFAI_PAT=\(F.s(F.hex, 32))"], misses: ["CLARIFAI_PAT=\(F.s(F.hex, 16))", "clarifai_user_id: acme"]),
    ]
}
