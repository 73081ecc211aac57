@testable import HushKit

// Unit samples of the cloud rules (fake values from `Fake`, never real credentials).
extension RuleCases {
    static let cloud: [RuleCase] = [
        RuleCase(
            "aws-access-key-id",
            hits: [
                "aws_access_key_id = AKIA\(F.s(F.base32, 16))",
                "export AWS_ACCESS_KEY_ID=\"ASIA\(F.s(F.base32, 16))\"",
                #"{"AccessKeyId": "AKIA\#(F.s(F.base32, 16))"}"#,
            ],
            misses: [
                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "id: AKIA\(F.s(F.base32, 12))",
                "AKIA\(F.s(F.base32, 16))X1", "key: akia\(F.s(F.lower, 16))", "AKIAXXXXXXXXXXXXXXXX",
            ]),
        RuleCase(
            "aws-secret-access-key",
            hits: [
                "aws_secret_access_key = \(F.s(F.base64, 40))",
                #"AWS_SECRET_ACCESS_KEY: "\#(F.s(F.base64, 40))""#,
                #""SecretAccessKey": "\#(F.s(F.base64, 40))","#,
            ],
            misses: [
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "aws_secret_access_key = \(F.s(F.base64, 30))", "AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}",
                "aws_secret_access_key = \(F.s(F.base64, 48))",
            ]),
        RuleCase(
            "aws-session-token",
            hits: ["aws_session_token = IQoJb3JpZ2luX2VjE\(F.s(F.base64, 300))=="],
            misses: ["aws_session_token = IQoJb3JpZ2luX2VjE", "token: FwoGZXIvYXdzEXAMPLE"]),
        RuleCase(
            "aws-bedrock-api-key",
            hits: ["AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS\(F.s(F.base64, 110))="],
            misses: ["AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS", "ABSK\(F.s(F.base64, 60))"]),
        RuleCase(
            "amazon-mws-auth-token",
            hits: ["mws_auth_token: amzn.mws.\(F.uuid())"],
            misses: ["amzn.mws.1234", "amzn.mws.00000000-0000-0000-0000-000000000000"]),
        RuleCase(
            "gcp-api-key",
            hits: [
                "const firebaseConfig = { apiKey: \"AIza\(F.s(F.base64url, 35))\" };",
                "GOOGLE_API_KEY=AIza\(F.s(F.base64url, 35))",
            ],
            misses: [
                "key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", "AIza\(F.s(F.base64url, 20))", "AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            ]),
        RuleCase(
            "gcp-service-account-key",
            hits: [#"  "private_key_id": "\#(F.s(F.hex, 40))","#],
            misses: [#"  "private_key_id": "your-private-key-id","#, #""private_key_id": "\#(F.s(F.hex, 32))""#]),
        RuleCase(
            "google-oauth-client-secret",
            hits: [#""client_secret": "GOCSPX-\#(F.s(F.base64url, 28))""#],
            misses: ["GOCSPX-\(F.s(F.base64url, 12))", "client_secret: GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "google-oauth-refresh-token",
            hits: ["refresh_token=1//0\(F.s(F.base64url, 100))"],
            misses: ["see https://example.com/1//0abc", "1//0\(F.s(F.base64url, 20))"]),
        RuleCase(
            "google-oauth-access-token",
            hits: ["Authorization: Bearer ya29.\(F.s(F.base64url, 150))"],
            misses: ["ya29.\(F.s(F.base64url, 20))", "ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "firebase-cloud-messaging-server-key",
            hits: ["server_key=AAAA\(F.s(F.base64url, 7)):APA91b\(F.s(F.base64url, 134))"],
            misses: ["AAAA\(F.s(F.base64url, 7)):APA91b\(F.s(F.base64url, 20))"]),
        RuleCase(
            "azure-storage-account-key",
            hits: [
                "DefaultEndpointsProtocol=https;AccountName=prodlogs;AccountKey=\(F.s(F.base64, 86))==;EndpointSuffix=core.windows.net",
                #""accountKey": "\#(F.s(F.base64, 86))==""#,
            ],
            misses: [
                "AccountName=devstoreaccount1;AccountKey=<your-account-key>;", "AccountKey=\(F.s(F.base64, 40))==",
            ]),
        RuleCase(
            "azure-shared-access-key",
            hits: ["Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=\(F.s(F.base64, 43))="],
            misses: ["SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>", "SharedAccessKey=\(F.s(F.base64, 20))="]),
        RuleCase(
            "azure-sas-token",
            hits: [
                "https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=\(F.s(F.alnum, 40))abc%3D",
                "BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=2021-06-08&ss=bfqt&sig=\(F.s(F.alnum, 43))=",
            ],
            misses: ["?sv=2022-11-02&sig=REDACTED", "sig=\(F.s(F.alnum, 43))%3D without a version"]),
        RuleCase(
            "azure-ad-client-secret",
            hits: ["AZURE_CLIENT_SECRET=\(F.s(F.alnum, 3))8Q~\(F.s(F.base64url, 34))"],
            misses: ["~Q~ is an emoticon", "abc8Q~\(F.s(F.alnum, 10))"]),
        RuleCase(
            "azure-annotated-key",
            hits: ["api_key=\"\(F.s(F.alnum, 52))JQQJ99BF\(F.s(F.alnum, 24))\""],
            misses: ["JQQJ99 is a signature", "\(F.s(F.alnum, 30))JQQJ99BF\(F.s(F.alnum, 24))"]),
        RuleCase(
            "azure-devops-pat",
            hits: ["AZURE_DEVOPS_PAT=\(F.s("abcdefghijklmnopqrstuvwxyz234567", 52))"],
            misses: ["AZURE_DEVOPS_PAT=\(F.s("abcdefghijklmnopqrstuvwxyz234567", 40))", "azure_devops_org=contoso"]),
        RuleCase(
            "azure-openai-key",
            hits: ["AZURE_OPENAI_API_KEY=\(F.s(F.hex, 32))"],
            misses: ["AZURE_OPENAI_API_KEY=\(F.s(F.hex, 20))", "AZURE_OPENAI_ENDPOINT=https://x.openai.azure.com/"]),
        RuleCase(
            "digitalocean-token",
            hits: ["DIGITALOCEAN_TOKEN=dop_v1_\(F.s(F.hex, 64))", "refresh: dor_v1_\(F.s(F.hex, 64))"],
            misses: ["dop_v1_\(F.s(F.hex, 40))", "dop_v2_\(F.s(F.hex, 64))"]),
        RuleCase(
            "alibaba-access-key-id",
            hits: ["ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI\(F.s(F.alnum, 20))"],
            misses: ["LTAI\(F.s(F.alnum, 6))", "LTAIxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "alibaba-access-key-secret",
            hits: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET=\(F.s(F.alnum, 30))"],
            misses: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET=\(F.s(F.alnum, 20))", "alibaba_secret: ${ALI_SECRET}"]),
        RuleCase(
            "tencent-cloud-secret-id",
            hits: ["TENCENTCLOUD_SECRET_ID=AKID\(F.s(F.alnum, 32))"],
            misses: ["AKID\(F.s(F.alnum, 16))", "AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE1234"]),
        RuleCase(
            "ibm-cloud-api-key",
            hits: ["IBM_CLOUD_API_KEY=\(F.s(F.base64url, 44))"],
            misses: ["IBM_CLOUD_API_KEY=\(F.s(F.base64url, 30))", "ibm_api_key: <your IBM Cloud API key>"]),
        RuleCase(
            "yandex-cloud-api-key",
            hits: ["YC_API_KEY=AQVN\(F.s(F.base64url, 36))"],
            misses: ["AQVN\(F.s(F.base64url, 10))"]),
        RuleCase(
            "yandex-cloud-iam-token",
            hits: ["iam_token: t1.\(F.s(F.base64url, 40)).\(F.s(F.base64url, 86))"],
            misses: ["instance_type = \"t1.micro\"", "t1.\(F.s(F.base64url, 20)).\(F.s(F.base64url, 20))"]),
        RuleCase(
            "scaleway-access-key",
            hits: ["SCW_ACCESS_KEY=SCW\(F.s(F.upperAlnum, 17))"],
            misses: ["SCW\(F.s(F.upperAlnum, 10))", "SCWXXXXXXXXXXXXXXXXX"]),
        RuleCase(
            "scaleway-secret-key",
            hits: ["SCW_SECRET_KEY=\(F.uuid())"],
            misses: ["SCW_SECRET_KEY=00000000-0000-0000-0000-000000000000", "SCW_SECRET_KEY=\(F.s(F.hex, 16))"]),
        RuleCase(
            "linode-token",
            hits: ["LINODE_TOKEN=\(F.s(F.hex, 64))"],
            misses: ["LINODE_TOKEN=\(F.s(F.hex, 32))", "linode_token: \"{{ linode_token }}\""]),
        RuleCase(
            "hetzner-cloud-token",
            hits: ["HCLOUD_TOKEN=\(F.s(F.alnum, 64))"],
            misses: ["HCLOUD_TOKEN=\(F.s(F.alnum, 40))", "hcloud_token = var.hcloud_token"]),
        RuleCase(
            "vultr-api-key",
            hits: ["VULTR_API_KEY=\(F.s(F.upperAlnum, 36))"],
            misses: ["VULTR_API_KEY=\(F.s(F.upperAlnum, 20))", "VULTR_API_KEY=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"]),
        RuleCase(
            "cloudflare-origin-ca-key",
            hits: ["CF_ORIGIN_CA_KEY=v1.0-\(F.s(F.hex, 24))-\(F.s(F.hex, 146))"],
            misses: ["v1.0-\(F.s(F.hex, 24))-\(F.s(F.hex, 40))", "version v1.0-beta"]),
        RuleCase(
            "cloudflare-api-token",
            hits: ["CLOUDFLARE_API_TOKEN=\(F.s(F.base64url, 40))"],
            misses: ["CLOUDFLARE_API_TOKEN=\(F.s(F.base64url, 20))", "cloudflare_api_token = var.cloudflare_api_token"]),
        RuleCase(
            "cloudflare-global-api-key",
            hits: ["CLOUDFLARE_API_KEY=\(F.s(F.hex, 37))"],
            misses: ["CLOUDFLARE_API_KEY=\(F.s(F.hex, 30))", "cloudflare_email = ops@example.org"]),
        RuleCase(
            "heroku-api-key",
            hits: ["HEROKU_API_KEY=HRKU-\(F.s(F.base64url, 60))"],
            misses: ["HRKU-\(F.s(F.base64url, 20))", "HRKU-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "heroku-api-key-legacy",
            hits: ["HEROKU_API_KEY=\(F.uuid())"],
            misses: ["HEROKU_APP_ID=\(F.uuid())", "HEROKU_API_KEY=123e4567-e89b-12d3-a456-426614174000"]),
        RuleCase(
            "flyio-token",
            hits: ["FLY_API_TOKEN=fo1_\(F.s(F.base64url, 43))", "FLY_API_TOKEN=\"FlyV1 fm2_\(F.s(F.base64, 160))\""],
            misses: ["fo1_\(F.s(F.base64url, 20))", "fm2_ is a prefix"]),
        RuleCase(
            "vercel-token",
            hits: ["VERCEL_TOKEN=\(F.s(F.alnum, 24))"],
            misses: ["VERCEL_TOKEN=\(F.s(F.alnum, 12))", "vercel_token: ${{ secrets.VERCEL_TOKEN }}"]),
        RuleCase(
            "netlify-token",
            hits: ["NETLIFY_AUTH_TOKEN=nfp_\(F.s(F.alnum, 36))"],
            misses: ["nfp_\(F.s(F.alnum, 20))", "nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "render-api-key",
            hits: ["RENDER_API_KEY=rnd_\(F.s(F.alnum, 32))"],
            misses: ["rnd_\(F.s(F.alnum, 10))", "let rnd_seed = 42"]),
        RuleCase(
            "supabase-token",
            hits: ["SUPABASE_ACCESS_TOKEN=sbp_\(F.s(F.hex, 40))", "SUPABASE_SECRET_KEY=sb_secret_\(F.s(F.base64url, 31))"],
            misses: ["sbp_\(F.s(F.hex, 20))", "sb_publishable_\(F.s(F.base64url, 31))"]),
        RuleCase(
            "planetscale-token",
            hits: ["PLANETSCALE_SERVICE_TOKEN=pscale_tkn_\(F.s(F.base64url, 43))", "password: pscale_pw_\(F.s(F.base64url, 43))"],
            misses: ["pscale_tkn_\(F.s(F.alnum, 10))", "pscale_pw_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]),
        RuleCase(
            "neon-api-key",
            hits: ["NEON_API_KEY=napi_\(F.s(F.lowerAlnum, 64))"],
            misses: ["napi_\(F.s(F.lowerAlnum, 30))", "#include <node_api.h> // napi_value"]),
        RuleCase(
            "databricks-token",
            hits: ["DATABRICKS_TOKEN=dapi\(F.s(F.hex, 32))", "token = dapi\(F.s(F.hex, 32))-2"],
            misses: ["dapi\(F.s(F.hex, 16))", "DATABRICKS_HOST=https://adb-1.azuredatabricks.net"]),
    ]
}
